#include "commandroles.h"

#include "domain/endpointfact.h"

#include <QVariantList>
#include <QVariantMap>

QVariant CommandRoles::value(const Domain::CommandRecord &record, Field field)
{
    switch (field) {
    case Field::CommandId:
        return record.commandId;
    case Field::EndpointId:
        return record.endpointId;
    case Field::OperatorName:
        return record.operatorName;
    case Field::RequestedValue:
        return EndpointFact::toVariant(record.requestedValue);
    case Field::ActualValue:
        return EndpointFact::toVariant(record.actualValue);
    case Field::Status:
        return int(record.status);
    case Field::Final:
        return Domain::isFinal(record.status);
    case Field::Error:
        return record.error.isEmpty() ? QVariant() : QVariant(record.error);
    case Field::IssuedAt:
        return record.issuedAt;
    case Field::CompletedAt:
        return record.completedAt.isValid() ? QVariant(record.completedAt) : QVariant();
    case Field::LastChange:
        return record.lastChange;
    case Field::History: {
        QVariantList history;
        history.reserve(record.history.size());
        for (const Domain::CommandStep &step : record.history) {
            QVariantMap item {{QStringLiteral("status"), int(step.status)}, {QStringLiteral("at"), step.at}};
            if (const QVariant actual = EndpointFact::toVariant(step.actualValue); actual.isValid())
                item.insert(QStringLiteral("actualValue"), actual);
            if (!step.error.isEmpty())
                item.insert(QStringLiteral("error"), step.error);
            history.append(item);
        }
        return history;
    }
    }
    return {};
}

QByteArray CommandRoles::name(Field field)
{
    switch (field) {
    case Field::CommandId:
        return "commandId";
    case Field::EndpointId:
        return "endpointId";
    case Field::OperatorName:
        return "operatorName";
    case Field::RequestedValue:
        return "requestedValue";
    case Field::ActualValue:
        return "actualValue";
    case Field::Status:
        return "status";
    case Field::Final:
        return "isFinal";
    case Field::Error:
        return "error";
    case Field::IssuedAt:
        return "issuedAt";
    case Field::CompletedAt:
        return "completedAt";
    case Field::LastChange:
        return "lastChange";
    case Field::History:
        return "history";
    }
    return {};
}
