// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AboutDialog.h"

#include "core/kafka/KafkaReleaseEstimate.h"
#include "core/session/ClusterSession.h"
#include "widgets/QCustomPlotHeader.h"

#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QTextDocument>
#include <QVBoxLayout>

#include <librdkafka/rdkafka.h>

namespace cohort {

QString AboutDialog::qtVersion()
{
    return QString::fromLatin1(qVersion());
}

QString AboutDialog::librdkafkaVersion()
{
    return QString::fromLatin1(rd_kafka_version_str());
}

QString AboutDialog::qcustomplotVersion()
{
    return QStringLiteral(QCUSTOMPLOT_VERSION_STR);
}

QString AboutDialog::kafkaVersionText(const ClusterSession *session)
{
    if (!session || !session->client())
        return KafkaReleaseEstimate{}.text();
    return KafkaReleaseEstimate::ofCluster(session->client()->brokerApiVersions()).text();
}

AboutDialog::AboutDialog(const ClusterSession *session, QWidget *parent)
    : QDialog(parent)
    , m_text(new QLabel(this))
{
    setWindowTitle(tr("About Cohort"));
    auto row = [](const QString &name, const QString &value) {
        return QStringLiteral("<tr><td>%1</td><td>&nbsp;&nbsp;%2</td></tr>").arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString cluster;
    if (session && session->hasSnapshot()) {
        const ClusterMetadata &md = session->snapshot().metadata;
        cluster = QStringLiteral("<p><b>%1</b></p><table>").arg(tr("Connected cluster").toHtmlEscaped())
                  + row(tr("Name"), session->displayName())
                  + row(tr("Cluster id"), md.clusterId.isEmpty() ? tr("not reported") : md.clusterId)
                  + row(tr("Brokers"), QString::number(md.brokers.size()))
                  // Kafka's protocol has no request that answers a broker's software version:
                  // told from the API versions the brokers offer.
                  + row(tr("Kafka version"), kafkaVersionText(session)) + QStringLiteral("</table>");
    } else if (session) {
        cluster = QStringLiteral("<p>%1</p>").arg(tr("Connecting to %1…").arg(session->displayName()).toHtmlEscaped());
    }
    m_text->setTextFormat(Qt::RichText);
    m_text->setOpenExternalLinks(true);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->setText(
        QStringLiteral("<h2>Cohort %1</h2><p>%2</p>")
            .arg(QStringLiteral(COHORT_VERSION), tr("Kafka consumer groups on your desktop.").toHtmlEscaped())
        + QStringLiteral("<p>%1</p>")
              .arg(tr("Licence: %1").arg(QStringLiteral("<a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">GPL-3.0-or-later</a>")))
        + QStringLiteral("<p><b>%1</b></p><table>").arg(tr("Running on").toHtmlEscaped()) + row(QStringLiteral("Qt"), qtVersion())
        + row(QStringLiteral("librdkafka"), librdkafkaVersion()) + row(QStringLiteral("QCustomPlot"), qcustomplotVersion())
        + QStringLiteral("</table>") + cluster);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/cohort/icons/cohort.svg")).pixmap(64, 64));
    layout->addWidget(icon, 0, Qt::AlignHCenter);
    layout->addWidget(m_text);
    layout->addWidget(buttons);
}

QString AboutDialog::plainText() const
{
    QTextDocument doc;
    doc.setHtml(m_text->text());
    return doc.toPlainText();
}

}   // namespace cohort
