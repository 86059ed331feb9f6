#include "startdialog.h"

#include "config/profilecatalog.h"
#include "profilelistdelegate.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 1.35);
    label->setFont(font);
    return label;
}

QLabel *quietLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QLabel *errorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

QString hostAndPort(const QUrl &url)
{
    const int port = url.port(url.scheme() == u"wss" ? 443 : 80);
    return url.host() + u':' + QString::number(port);
}

// Qt's handshake error names the HTTP status the other side answered with.
QString httpStatusOf(const QString &detail)
{
    static const QRegularExpression status(QStringLiteral("status code: (\\d{3})(?: \\(([^)]*)\\))?"));
    const QRegularExpressionMatch match = status.match(detail);
    if (!match.hasMatch())
        return {};
    return match.captured(2).isEmpty() ? match.captured(1) : match.captured(1) + u' ' + match.captured(2);
}

} // namespace

StartDialog::StartDialog(QWidget *parent)
    : QDialog(parent)
    , m_check(new ConnectionCheck(this))
    , m_pages(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("startDialog"));
    setWindowTitle(tr("Watchfloor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 16);
    layout->addWidget(m_pages);
    m_pages->addWidget(makeListPage());
    m_pages->addWidget(makeFormPage());
    resize(620, 460);

    connect(m_check, &ConnectionCheck::finished, this, &StartDialog::onCheckFinished);

    reload();
    // The profile used last time, so starting the usual way is one key press.
    const QString last = QSettings().value(lastProfileKey()).toString();
    if (last.isEmpty() || !selectProfile(last)) {
        if (m_list->count() > 0)
            m_list->setCurrentRow(0);
    }
    showProfileList();
}

QString StartDialog::lastProfileKey()
{
    return QStringLiteral("start/lastProfile");
}

QWidget *StartDialog::makeListPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("profileListPage"));
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);

    layout->addWidget(heading(tr("Start Watchfloor"), page));
    auto *intro = quietLabel(tr("Choose the profile to connect with, or start the demo on this computer."), page);
    layout->addWidget(intro);
    layout->addSpacing(4);

    auto *listLabel = new QLabel(tr("&Profiles"), page);
    m_list = new QListWidget(page);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setAccessibleName(tr("Profiles"));
    m_list->setItemDelegate(new ProfileListDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    m_list->setAlternatingRowColors(false);
    listLabel->setBuddy(m_list);
    layout->addWidget(listLabel);
    layout->addWidget(m_list, 1);
    m_listError = errorLabel(QStringLiteral("listError"), page);
    layout->addWidget(m_listError);

    // Enter reaches the default button (Open) through the list.
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this] { openSelected(); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { updateButtons(); });

    auto *buttons = new QHBoxLayout;
    m_demo = new QPushButton(tr("Start &demo"), page);
    m_demo->setObjectName(QStringLiteral("demoButton"));
    m_demo->setToolTip(tr("Runs the built-in simulator on this computer and connects to it; nothing leaves this "
                          "computer."));
    m_newProfile = new QPushButton(tr("&New profile…"), page);
    m_newProfile->setObjectName(QStringLiteral("newProfileButton"));
    auto *quit = new QPushButton(tr("&Quit"), page);
    quit->setObjectName(QStringLiteral("quitButton"));
    m_open = new QPushButton(tr("&Open"), page);
    m_open->setObjectName(QStringLiteral("openButton"));
    buttons->addWidget(m_demo);
    buttons->addWidget(m_newProfile);
    buttons->addStretch(1);
    buttons->addWidget(quit);
    buttons->addWidget(m_open);
    layout->addLayout(buttons);

    connect(m_open, &QPushButton::clicked, this, &StartDialog::openSelected);
    connect(m_demo, &QPushButton::clicked, this, &StartDialog::startDemo);
    connect(m_newProfile, &QPushButton::clicked, this, &StartDialog::showNewProfileForm);
    connect(quit, &QPushButton::clicked, this, &QDialog::reject);
    return page;
}

QWidget *StartDialog::makeFormPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("newProfilePage"));
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(heading(tr("New profile"), page));
    layout->addWidget(quietLabel(tr("Saved in %1, readable by you only, as it holds the token.")
                                     .arg(ProfileListDelegate::displayPath(ProfileCatalog::userDirectory())),
                                 page));
    layout->addSpacing(4);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("plant-north"));
    m_name->setAccessibleName(tr("Profile name"));
    form->addRow(tr("&Name:"), m_name);
    m_nameError = errorLabel(QStringLiteral("nameError"), page);
    form->addRow(QString(), m_nameError);

    m_url = new QLineEdit(page);
    m_url->setObjectName(QStringLiteral("urlEdit"));
    m_url->setPlaceholderText(tr("wss://plant-gw.example:8765/ws"));
    m_url->setAccessibleName(tr("Server URL"));
    form->addRow(tr("Server &URL:"), m_url);
    m_urlError = errorLabel(QStringLiteral("urlError"), page);
    form->addRow(QString(), m_urlError);

    using Dialect = ConnectionSettings::Dialect;
    m_dialect = new QComboBox(page);
    m_dialect->setObjectName(QStringLiteral("dialectCombo"));
    m_dialect->addItem(tr("Automatic"), int(Dialect::Auto));
    m_dialect->addItem(tr("Watchfloor"), int(Dialect::Watchfloor));
    m_dialect->addItem(tr("Plain JSON"), int(Dialect::Plain));
    m_dialect->addItem(tr("Socket.IO"), int(Dialect::SocketIo));
    m_dialect->setAccessibleName(tr("Protocol dialect"));
    form->addRow(tr("&Dialect:"), m_dialect);

    auto *tokenRow = new QHBoxLayout;
    m_token = new QLineEdit(page);
    m_token->setObjectName(QStringLiteral("tokenEdit"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setAccessibleName(tr("Token"));
    m_showToken = new QCheckBox(tr("S&how"), page);
    m_showToken->setObjectName(QStringLiteral("showTokenCheck"));
    m_showToken->setAccessibleName(tr("Show the token"));
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_showToken);
    auto *tokenLabel = new QLabel(tr("&Token:"), page);
    tokenLabel->setBuddy(m_token);
    form->addRow(tokenLabel, tokenRow);
    connect(m_showToken, &QCheckBox::toggled, this,
            [this](bool show) { m_token->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password); });

    m_operator = new QLineEdit(page);
    m_operator->setObjectName(QStringLiteral("operatorEdit"));
    m_operator->setAccessibleName(tr("Operator name"));
    form->addRow(tr("O&perator:"), m_operator);
    layout->addLayout(form);

    auto *testRow = new QHBoxLayout;
    m_test = new QPushButton(tr("&Test connection"), page);
    m_test->setObjectName(QStringLiteral("testButton"));
    m_test->setAutoDefault(false);
    m_testStatus = new QLabel(page);
    m_testStatus->setObjectName(QStringLiteral("testStatus"));
    m_testStatus->setWordWrap(true);
    m_testStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testStatus->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    testRow->addWidget(m_test, 0, Qt::AlignTop);
    testRow->addWidget(m_testStatus, 1);
    layout->addLayout(testRow);
    layout->addStretch(1);

    m_saveError = errorLabel(QStringLiteral("saveError"), page);
    layout->addWidget(m_saveError);
    auto *rule = new QFrame(page);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    layout->addWidget(rule);
    auto *buttons = new QHBoxLayout;
    m_back = new QPushButton(tr("&Back"), page);
    m_back->setObjectName(QStringLiteral("backButton"));
    m_back->setAutoDefault(false);
    m_save = new QPushButton(tr("&Save"), page);
    m_save->setObjectName(QStringLiteral("saveButton"));
    buttons->addWidget(m_back);
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);

    connect(m_test, &QPushButton::clicked, this, &StartDialog::testConnection);
    connect(m_save, &QPushButton::clicked, this, &StartDialog::save);
    connect(m_back, &QPushButton::clicked, this, &StartDialog::showProfileList);
    // A message about a field goes as soon as the field changes.
    connect(m_name, &QLineEdit::textEdited, this, [this] { setFieldError(m_nameError, {}); });
    connect(m_url, &QLineEdit::textEdited, this, [this] { setFieldError(m_urlError, {}); });
    return page;
}

void StartDialog::reload()
{
    const QString selected = selectedProfilePath();
    m_list->clear();
    const QList<ProfileCatalog::Entry> entries = ProfileCatalog::list();
    for (const ProfileCatalog::Entry &entry : entries) {
        auto *item = new QListWidgetItem(entry.name, m_list);
        item->setData(ProfileListDelegate::PathRole, entry.path);
        item->setData(ProfileListDelegate::OriginRole, int(entry.origin));
        item->setToolTip(QDir::toNativeSeparators(entry.path));
        item->setData(Qt::AccessibleDescriptionRole, ProfileListDelegate::detailText(m_list->indexFromItem(item)));
    }
    if (!selected.isEmpty())
        selectProfile(selected);
    updateButtons();
}

bool StartDialog::selectProfile(const QString &path)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(ProfileListDelegate::PathRole).toString() == path) {
            m_list->setCurrentRow(row);
            m_list->scrollToItem(m_list->item(row));
            return true;
        }
    }
    return false;
}

QString StartDialog::selectedProfilePath() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item && item->isSelected() ? item->data(ProfileListDelegate::PathRole).toString() : QString();
}

void StartDialog::showNewProfileForm()
{
    clearForm();
    m_pages->setCurrentIndex(1);
    m_open->setDefault(false);
    m_save->setDefault(true);
    m_name->setFocus();
}

void StartDialog::showProfileList()
{
    m_check->cancel();
    m_pages->setCurrentIndex(0);
    m_save->setDefault(false);
    m_open->setDefault(true);
    m_list->setFocus();
    updateButtons();
}

bool StartDialog::isShowingNewProfileForm() const
{
    return m_pages->currentIndex() == 1;
}

void StartDialog::reject()
{
    if (isShowingNewProfileForm()) {
        showProfileList();
        return;
    }
    m_check->cancel();
    QDialog::reject();
}

void StartDialog::updateButtons()
{
    m_open->setEnabled(!selectedProfilePath().isEmpty());
}

void StartDialog::openSelected()
{
    const QString path = selectedProfilePath();
    if (!path.isEmpty())
        choose(path);
}

void StartDialog::startDemo()
{
    QString error;
    const QString path = ProfileCatalog::resolve(QStringLiteral("demo"), &error);
    if (path.isEmpty()) {
        setFieldError(m_listError, error);
        return;
    }
    choose(path);
}

void StartDialog::choose(const QString &path)
{
    m_chosen = path;
    QSettings().setValue(lastProfileKey(), path);
    m_check->cancel();
    accept();
}

void StartDialog::setFieldError(QLabel *label, const QString &message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, Theme::alarmColor());
    label->setPalette(palette);
}

QUrl StartDialog::typedUrl(QString *why) const
{
    const QString text = m_url->text().trimmed();
    if (text.isEmpty()) {
        *why = tr("Enter the server's address, such as wss://plant-gw.example:8765/ws.");
        return {};
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"ws" && url.scheme() != u"wss") || url.host().isEmpty()) {
        *why = tr("Not a ws:// or wss:// address with a host.");
        return {};
    }
    return url;
}

void StartDialog::testConnection()
{
    if (m_check->isRunning()) {
        m_check->cancel();
        m_test->setText(tr("&Test connection"));
        m_testStatus->setText(tr("Test cancelled."));
        m_testStatus->setPalette(palette());
        return;
    }
    QString why;
    const QUrl url = typedUrl(&why);
    if (url.isEmpty()) {
        setFieldError(m_urlError, why);
        m_url->setFocus();
        return;
    }
    ConnectionSettings settings;
    settings.url = url;
    settings.dialect = ConnectionSettings::Dialect(m_dialect->currentData().toInt());
    settings.token = m_token->text().trimmed();
    settings.operatorName = m_operator->text().trimmed();
    m_testStatus->setPalette(palette());
    m_testStatus->setToolTip(QString());
    m_testStatus->setText(tr("Connecting to %1…").arg(hostAndPort(url)));
    m_test->setText(tr("Cancel &test"));
    m_testedUrl = url;
    m_check->start(settings, m_testTimeoutMs);
}

void StartDialog::onCheckFinished(const ConnectionCheck::Result &result)
{
    using Outcome = ConnectionCheck::Outcome;
    m_test->setText(tr("&Test connection"));
    const QString where = hostAndPort(m_testedUrl);
    QString text;
    switch (result.outcome) {
    case Outcome::Connected:
        if (result.role.isEmpty())
            text = tr("Connected (no sign-in on this server), live after %1 ms").arg(result.liveAfterMs);
        else
            text = tr("Connected: role %1, live after %2 ms").arg(result.role).arg(result.liveAfterMs);
        break;
    case Outcome::Unreachable:
        text = tr("Unreachable: nothing answers at %1 (%2)").arg(where, result.detail);
        break;
    case Outcome::Refused:
        text = tr("Refused: %1").arg(result.detail);
        break;
    case Outcome::NotWebSocket: {
        const QString status = httpStatusOf(result.detail);
        if (!status.isEmpty())
            text = tr("Not a WebSocket server: %1 answered HTTP %2").arg(where, status);
        else if (result.detail.isEmpty())
            text = tr("Not a WebSocket server: %1 answered, but not with a WebSocket handshake").arg(where);
        else
            text = tr("Not a WebSocket server: %1 answered, but not with a WebSocket handshake (%2)")
                       .arg(where, result.detail);
        break;
    }
    case Outcome::Closed:
        text = tr("Closed: the server ended the connection before it was live (%1)").arg(result.detail);
        break;
    case Outcome::TimedOut:
        text = tr("Timed out after %n s: no live link from %1", nullptr, result.timeoutSeconds).arg(where);
        break;
    }
    m_testStatus->setText(text);
    m_testStatus->setToolTip(result.detail);
    // The words say it; the colour only repeats it.
    QPalette palette = m_testStatus->palette();
    palette.setColor(QPalette::WindowText,
                     result.outcome == Outcome::Connected ? Theme::liveColor() : Theme::alarmColor());
    m_testStatus->setPalette(palette);
}

void StartDialog::save()
{
    setFieldError(m_saveError, {});
    bool ok = true;
    const QString name = m_name->text().trimmed();
    QString why;
    if (!ProfileCatalog::isValidName(name, &why)) {
        setFieldError(m_nameError, why);
        ok = false;
    } else if (QFileInfo::exists(ProfileCatalog::userDirectory() + u'/' + name + QStringLiteral(".ini"))) {
        setFieldError(m_nameError, tr("You already have a profile named \"%1\".").arg(name));
        ok = false;
    }
    const QUrl url = typedUrl(&why);
    if (url.isEmpty()) {
        setFieldError(m_urlError, why);
        ok = false;
    }
    if (!ok) {
        (m_nameError->isVisible() ? m_name : m_url)->setFocus();
        return;
    }

    ProfileCatalog::NewProfile profile;
    profile.name = name;
    profile.url = url;
    profile.token = m_token->text().trimmed();
    profile.operatorName = m_operator->text().trimmed();
    profile.dialect = ConnectionSettings::Dialect(m_dialect->currentData().toInt());
    QString error;
    const QString path = ProfileCatalog::create(profile, &error);
    if (path.isEmpty()) {
        setFieldError(m_saveError, error);
        return;
    }
    showProfileList();
    reload();
    selectProfile(path);
}

void StartDialog::clearForm()
{
    m_check->cancel();
    m_name->clear();
    m_url->clear();
    m_dialect->setCurrentIndex(0);
    m_token->clear();
    m_showToken->setChecked(false);
    m_operator->setText(qEnvironmentVariable("USER"));
    m_test->setText(tr("&Test connection"));
    m_testStatus->clear();
    m_testStatus->setToolTip(QString());
    for (QLabel *label : {m_nameError, m_urlError, m_saveError})
        setFieldError(label, {});
}
