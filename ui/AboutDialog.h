// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;

namespace cohort {

class ClusterSession;

// Help → About Cohort: what Cohort is, its version and licence, the versions
// of the libraries it runs on (Qt, librdkafka, QCustomPlot) and what is known
// of the connected cluster.
class AboutDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    // `session` may be null (not connected).
    explicit AboutDialog(const ClusterSession *session, QWidget *parent = nullptr);

    // The text shown, without markup (for tests and for copying).
    QString plainText() const;

    static QString qtVersion();
    static QString librdkafkaVersion();
    static QString qcustomplotVersion();
    // The release the brokers run as far as their API versions tell (KafkaReleaseEstimate).
    static QString kafkaVersionText(const ClusterSession *session);

private:
    QLabel *m_text;
};

}   // namespace cohort
