// SPDX-License-Identifier: GPL-3.0-or-later
// Cohort's logging categories: their names, that they show warnings but not
// debug output by default, that one QT_LOGGING_RULES line switches all of them
// on, and that the sandbox's log lines reach cohort.sandbox.

#include "SandboxFixture.h"
#include "core/util/LogCategories.h"
#include "sandbox/SandboxCluster.h"

#include <QMutex>
#include <QTest>

using namespace cohort;

namespace {

QMutex capturedMutex;
QList<QPair<QByteArray, QString>> captured;   // (category, message)
QtMessageHandler previousHandler = nullptr;

// The sandbox logs on its own thread.
void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&capturedMutex);
        captured.append({QByteArray(context.category), message});
    }
    if (previousHandler && type != QtDebugMsg)
        previousHandler(type, context, message);
}

}   // namespace

class TestLogCategories : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QLoggingCategory::setFilterRules(QString()); }

    void namesAreOnePerSubsystem()
    {
        QCOMPARE(lcWire().categoryName(), "cohort.wire");
        QCOMPARE(lcRefresh().categoryName(), "cohort.refresh");
        QCOMPARE(lcAdmin().categoryName(), "cohort.admin");
        QCOMPARE(lcConnection().categoryName(), "cohort.connection");
        QCOMPARE(lcSession().categoryName(), "cohort.session");
        QCOMPARE(lcLag().categoryName(), "cohort.lag");
        QCOMPARE(lcSandbox().categoryName(), "cohort.sandbox");
        QCOMPARE(lcCli().categoryName(), "cohort.cli");
        QCOMPARE(lcUi().categoryName(), "cohort.ui");
    }

    void warningsOnlyByDefault()
    {
        if (qEnvironmentVariableIsSet("QT_LOGGING_RULES"))
            QSKIP("QT_LOGGING_RULES is set, so the defaults are not in effect");
        for (const QLoggingCategory *c : all()) {
            QVERIFY2(c->isWarningEnabled(), c->categoryName());
            QVERIFY2(c->isCriticalEnabled(), c->categoryName());
            QVERIFY2(!c->isInfoEnabled(), c->categoryName());
            QVERIFY2(!c->isDebugEnabled(), c->categoryName());
        }
    }

    void oneRuleEnablesEveryCategorysDebugOutput()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("cohort.*.debug=true"));
        for (const QLoggingCategory *c : all())
            QVERIFY2(c->isDebugEnabled(), c->categoryName());
        // Not someone else's categories.
        QLoggingCategory other("qt.network.ssl");
        QVERIFY(!other.isDebugEnabled());
    }

    void sandboxLinesReachTheSandboxCategory()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("cohort.sandbox.debug=true"));
        auto cluster = test::startSandbox();
        QVERIFY(cluster);
        {
            QMutexLocker lock(&capturedMutex);
            captured.clear();
        }
        previousHandler = qInstallMessageHandler(capture);
        cluster->stopBroker(2);   // returns once the cluster has acted (and logged)
        qInstallMessageHandler(previousHandler);
        QMutexLocker lock(&capturedMutex);
        const QPair<QByteArray, QString> expected{QByteArrayLiteral("cohort.sandbox"), QStringLiteral("broker 2: stopped")};
        QVERIFY2(captured.contains(expected), qPrintable(QStringLiteral("%1 lines captured").arg(captured.size())));
    }

    void cleanupTestCase() { QLoggingCategory::setFilterRules(QString()); }

private:
    static QList<const QLoggingCategory *> all()
    {
        return {&lcWire(), &lcRefresh(), &lcAdmin(), &lcConnection(), &lcSession(), &lcLag(), &lcSandbox(), &lcCli(), &lcUi()};
    }
};

QTEST_GUILESS_MAIN(TestLogCategories)
#include "tst_log_categories.moc"
