// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace cohort {

// An error as a value: the Kafka error name (e.g. "UNKNOWN_MEMBER_ID") or a
// transport condition, what happened, and a hint that says what to do next.
struct KafkaError
{
    int code = 0;      // Kafka protocol error code, or a librdkafka rd_kafka_resp_err_t (negative)
    QString name;      // "UNKNOWN_MEMBER_ID", "_TRANSPORT", "_TIMED_OUT", ...
    QString message;   // what happened, for people
    QString hint;      // what to check or do next, for people (may be empty)

    bool isError() const { return code != 0 || !name.isEmpty(); }
    explicit operator bool() const { return isError(); }

    // "NAME: message (hint)" for logs and the CLI's stderr.
    QString toString() const
    {
        QString s = name.isEmpty() ? message : (message.isEmpty() ? name : name + QStringLiteral(": ") + message);
        if (!hint.isEmpty())
            s += QStringLiteral(" — ") + hint;
        return s;
    }

    static KafkaError make(int code, const QString &name, const QString &message, const QString &hint = {})
    {
        return KafkaError{code, name, message, hint};
    }
};

}   // namespace cohort

Q_DECLARE_METATYPE(cohort::KafkaError)
