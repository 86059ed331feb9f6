#pragma once

#include "services/connectioncheck.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;

// What the console shows when it is started with neither a profile nor the
// demo: the profiles ProfileCatalog finds (the last one used preselected),
// the demo, and a form for a new profile that can test its connection before
// saving it. It only chooses: the caller loads chosenProfilePath() after
// exec() returns Accepted.
class StartDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int kDefaultTestTimeoutMs = 10000;

    explicit StartDialog(QWidget *parent = nullptr);

    // The chosen profile's file: one of the list's, or the demo's (which may
    // be the built-in ProfileCatalog::builtInDemoPath()). Empty until chosen.
    QString chosenProfilePath() const { return m_chosen; }

    // Lists the profiles again; the selection stays on the same file if it is still there.
    void reload();
    // Selects the profile with this file; false when the list has none.
    bool selectProfile(const QString &path);
    QString selectedProfilePath() const;

    // The new-profile form, and back to the list (a running test is cancelled).
    void showNewProfileForm();
    void showProfileList();
    bool isShowingNewProfileForm() const;

    // How long "Test connection" waits for the link to become live.
    void setTestTimeout(int ms) { m_testTimeoutMs = ms; }

    // Where the last profile chosen is remembered (QSettings).
    static QString lastProfileKey();

    // Escape on the form goes back to the list; on the list it closes.
    void reject() override;

private:
    QWidget *makeListPage();
    QWidget *makeFormPage();
    void openSelected();
    void startDemo();
    void choose(const QString &path);
    void testConnection();
    void onCheckFinished(const ConnectionCheck::Result &result);
    void save();
    void clearForm();
    void setFieldError(QLabel *label, const QString &message);
    // The URL typed, if it is one a profile accepts; else empty with why.
    QUrl typedUrl(QString *why) const;
    void updateButtons();

    QString m_chosen;
    int m_testTimeoutMs = kDefaultTestTimeoutMs;
    ConnectionCheck *m_check;
    QUrl m_testedUrl;
    QStackedWidget *m_pages;

    QListWidget *m_list = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_demo = nullptr;
    QPushButton *m_newProfile = nullptr;
    QLabel *m_listError = nullptr;

    QLineEdit *m_name = nullptr;
    QLabel *m_nameError = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_urlError = nullptr;
    QComboBox *m_dialect = nullptr;
    QLineEdit *m_token = nullptr;
    QCheckBox *m_showToken = nullptr;
    QLineEdit *m_operator = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_testStatus = nullptr;
    QLabel *m_saveError = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_back = nullptr;
};
