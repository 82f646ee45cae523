// SPDX-License-Identifier: GPL-3.0-or-later
// The connection dialog: the form follows the security protocol, problems are
// shown before anything is tried, "Test connection" reports a sandbox's brokers
// or an error with its hint (plain and SASL), and Connect saves the profile
// with its password in the secret store, not in the settings.

#include "SandboxFixture.h"

#include "core/connection/ConnectionProfileStore.h"
#include "core/connection/MemorySecretStore.h"
#include "ui/ConnectionDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace cohort;
using namespace cohort::test;

namespace {

template<typename W>
W *child(const QWidget &parent, const char *name)
{
    W *w = parent.findChild<W *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no widget %s", name);
    return w;
}

void setProtocol(ConnectionDialog &dlg, const QString &name)
{
    auto *combo = child<QComboBox>(dlg, "protocolCombo");
    combo->setCurrentIndex(combo->findText(name));
    QCOMPARE(combo->currentText(), name);
}

void type(ConnectionDialog &dlg, const char *edit, const QString &text)
{
    auto *e = child<QLineEdit>(dlg, edit);
    e->clear();
    QTest::keyClicks(e, text);
}

void clickButton(ConnectionDialog &dlg, const char *name)
{
    QTest::mouseClick(child<QPushButton>(dlg, name), Qt::LeftButton);
}

const QString kUser = QStringLiteral("alice");
const QString kPassword = QStringLiteral("s3cret-7f3a");

}   // namespace

class TestConnectionDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    QString freshSettings() { return m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_files)); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void protocolEnablesTheFieldsItUses()
    {
        ConnectionProfileStore store(freshSettings());
        MemorySecretStore secrets;
        ConnectionDialog dlg(store, secrets);
        dlg.show();
        auto *user = child<QLineEdit>(dlg, "userEdit");
        auto *mechanism = child<QComboBox>(dlg, "mechanismCombo");
        auto *ca = child<QLineEdit>(dlg, "caEdit");
        auto *password = child<QLineEdit>(dlg, "passwordEdit");

        setProtocol(dlg, QStringLiteral("PLAINTEXT"));
        QVERIFY(!user->isEnabled() && !mechanism->isEnabled() && !ca->isEnabled() && !password->isEnabled());
        setProtocol(dlg, QStringLiteral("SASL_PLAINTEXT"));
        QVERIFY(user->isEnabled() && mechanism->isEnabled() && password->isEnabled() && !ca->isEnabled());
        setProtocol(dlg, QStringLiteral("SSL"));
        QVERIFY(!user->isEnabled() && ca->isEnabled() && password->isEnabled());
        setProtocol(dlg, QStringLiteral("SASL_SSL"));
        QVERIFY(user->isEnabled() && ca->isEnabled());
        QCOMPARE(mechanism->count(), 3);

        type(dlg, "nameEdit", QStringLiteral("x"));
        type(dlg, "bootstrapEdit", QStringLiteral("h:1"));
        type(dlg, "userEdit", QStringLiteral("u"));
        mechanism->setCurrentIndex(mechanism->findText(QStringLiteral("SCRAM-SHA-512")));
        child<QCheckBox>(dlg, "readOnlyCheck")->setChecked(true);
        QVERIFY(!dlg.profile().production);
        child<QCheckBox>(dlg, "productionCheck")->setChecked(true);
        const ConnectionProfile p = dlg.profile();
        QCOMPARE(p.securityProtocol, ConnectionProfile::SecurityProtocol::SaslSsl);
        QCOMPARE(p.saslMechanism, ConnectionProfile::SaslMechanism::ScramSha512);
        QVERIFY(p.readOnly);
        QVERIFY(p.production);
    }

    void problemsAreShownBeforeAnythingIsTried()
    {
        ConnectionProfileStore store(freshSettings());
        MemorySecretStore secrets;
        ConnectionDialog dlg(store, secrets);
        dlg.show();
        QSignalSpy finished(&dlg, &ConnectionDialog::testFinished);
        type(dlg, "bootstrapEdit", QStringLiteral("kafka-1"));
        child<QPlainTextEdit>(dlg, "extraEdit")->setPlainText(QStringLiteral("acks"));
        clickButton(dlg, "testButton");

        QVERIFY(!dlg.isTesting());
        auto *problems = child<QLabel>(dlg, "problemsLabel");
        QVERIFY(problems->isVisible());
        QCOMPARE(dlg.shownProblems().size(), 3);   // no name, no port, not key=value
        QVERIFY(problems->text().contains(QLatin1String("\"kafka-1\"")));
        QVERIFY(child<QPlainTextEdit>(dlg, "resultView")->toPlainText().isEmpty());

        // The problems follow the edits.
        type(dlg, "bootstrapEdit", QStringLiteral("kafka-1:9092"));
        QCOMPARE(dlg.shownProblems().size(), 2);
        type(dlg, "nameEdit", QStringLiteral("dev"));
        child<QPlainTextEdit>(dlg, "extraEdit")->setPlainText(QStringLiteral("acks=all"));
        QVERIFY(dlg.shownProblems().isEmpty());
        QVERIFY(!problems->isVisible());

        // Save and Connect refuse too, and nothing is stored.
        type(dlg, "nameEdit", QString());
        clickButton(dlg, "saveButton");
        QVERIFY(!dlg.shownProblems().isEmpty());
        dlg.accept();
        QVERIFY(dlg.isVisible());
        QVERIFY(store.names().isEmpty());
        QCOMPARE(finished.size(), 0);
    }

    void testShowsTheSandboxBrokers()
    {
        auto cluster = startSandbox();
        QVERIFY(cluster);
        ConnectionProfileStore store(freshSettings());
        MemorySecretStore secrets;
        ConnectionDialog dlg(store, secrets);
        dlg.show();
        QSignalSpy finished(&dlg, &ConnectionDialog::testFinished);
        type(dlg, "nameEdit", QStringLiteral("sandbox"));
        type(dlg, "bootstrapEdit", cluster->bootstrapServers());
        clickButton(dlg, "testButton");
        QVERIFY(dlg.isTesting());
        QVERIFY(child<QPushButton>(dlg, "testButton")->isEnabled());   // it can be pressed again

        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(!dlg.isTesting());
        const QString text = dlg.testResultText();
        QVERIFY2(text.contains(QLatin1String("Brokers (3)")), qPrintable(text));
        for (const int id : cluster->brokerIds())
            QVERIFY2(text.contains(QStringLiteral("%1  127.0.0.1:%2").arg(id).arg(cluster->brokerPort(id))), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Controller: broker %1").arg(cluster->controllerId())), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Round trip")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("API versions")), qPrintable(text));
    }

    void pressingTestAgainRestartsIt()
    {
        auto cluster = startSandbox();
        QVERIFY(cluster);
        ConnectionProfileStore store(freshSettings());
        MemorySecretStore secrets;
        ConnectionDialog dlg(store, secrets);
        dlg.show();
        QSignalSpy finished(&dlg, &ConnectionDialog::testFinished);
        type(dlg, "nameEdit", QStringLiteral("sandbox"));
        // The first test goes to a dead address, the second to the sandbox:
        // only the second one's answer is shown, whichever finishes first.
        type(dlg, "bootstrapEdit", QStringLiteral("127.0.0.1:1"));
        dlg.setTestTimeoutMs(1500);
        clickButton(dlg, "testButton");
        type(dlg, "bootstrapEdit", cluster->bootstrapServers());
        dlg.setTestTimeoutMs(10000);
        clickButton(dlg, "testButton");
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(finished.first().first().toBool(), true);
        // Both tests are over (their watchers gone) and the first left no trace.
        QTRY_COMPARE_WITH_TIMEOUT(dlg.findChildren<QFutureWatcherBase *>().size(), 0, 20000);
        QCOMPARE(finished.size(), 1);
        QVERIFY(dlg.testResultText().contains(QLatin1String("Brokers (3)")));
    }

    void unreachableShowsTheErrorAndAHint()
    {
        ConnectionProfileStore store(freshSettings());
        MemorySecretStore secrets;
        ConnectionDialog dlg(store, secrets);
        dlg.setTestTimeoutMs(2000);
        dlg.show();
        QSignalSpy finished(&dlg, &ConnectionDialog::testFinished);
        type(dlg, "nameEdit", QStringLiteral("nowhere"));
        type(dlg, "bootstrapEdit", QStringLiteral("127.0.0.1:1"));
        clickButton(dlg, "testButton");
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(finished.first().first().toBool(), false);
        const QString text = dlg.testResultText();
        QVERIFY2(text.startsWith(QLatin1String("Connection failed: ")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("What to do: ")), qPrintable(text));
        // librdkafka says only that the transport failed; the look at the
        // listener says why.
        QVERIFY2(text.contains(QLatin1String("127.0.0.1:1 refused the connection: nothing listens on that port")), qPrintable(text));
    }

    void saslUserAndWrongPassword()
    {
        auto config = testConfig();
        config.saslPlainUsers.insert(kUser, kPassword);
        auto cluster = startSandbox(config);
        QVERIFY(cluster);
        ConnectionProfileStore store(freshSettings());
        MemorySecretStore secrets;
        ConnectionDialog dlg(store, secrets);
        dlg.setTestTimeoutMs(4000);
        dlg.show();
        QSignalSpy finished(&dlg, &ConnectionDialog::testFinished);
        type(dlg, "nameEdit", QStringLiteral("secured"));
        type(dlg, "bootstrapEdit", cluster->bootstrapServers());
        setProtocol(dlg, QStringLiteral("SASL_PLAINTEXT"));
        type(dlg, "userEdit", kUser);
        type(dlg, "passwordEdit", kPassword);
        clickButton(dlg, "testButton");
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QVERIFY2(finished.last().first().toBool(), qPrintable(dlg.testResultText()));
        QVERIFY(dlg.testResultText().contains(QLatin1String("Brokers (3)")));

        type(dlg, "passwordEdit", QStringLiteral("wrong"));
        clickButton(dlg, "testButton");
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QCOMPARE(finished.last().first().toBool(), false);
        const QString text = dlg.testResultText();
        QVERIFY2(text.contains(QStringLiteral("(user \"%1\", SASL PLAIN, at ").arg(kUser)), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Check the user name and password")), qPrintable(text));
    }

    void connectSavesTheProfileAndItsPasswordApart()
    {
        const QString file = freshSettings();
        ConnectionProfileStore store(file);
        MemorySecretStore secrets;
        {
            ConnectionDialog dlg(store, secrets);
            dlg.show();
            type(dlg, "nameEdit", QStringLiteral("staging"));
            type(dlg, "bootstrapEdit", QStringLiteral("stage-1:9092, stage-2:9092"));
            setProtocol(dlg, QStringLiteral("SASL_PLAINTEXT"));
            type(dlg, "userEdit", kUser);
            type(dlg, "passwordEdit", kPassword);
            child<QPlainTextEdit>(dlg, "extraEdit")->setPlainText(QStringLiteral("client.id=cohort-desk\n"));
            auto *buttons = child<QDialogButtonBox>(dlg, "buttonBox");
            QPushButton *connectButton = buttons->findChild<QPushButton *>(QStringLiteral("connectButton"));
            QVERIFY(connectButton);
            QTest::mouseClick(connectButton, Qt::LeftButton);
            QCOMPARE(dlg.result(), int(QDialog::Accepted));
            QCOMPARE(dlg.profile().name, QStringLiteral("staging"));
            QCOMPARE(dlg.password(), kPassword);
        }
        QCOMPARE(store.names(), QStringList{QStringLiteral("staging")});
        QCOMPARE(store.lastUsed(), QStringLiteral("staging"));
        const ConnectionProfile saved = *store.load(QStringLiteral("staging"));
        QCOMPARE(saved.userName, kUser);
        QCOMPARE(saved.extraProperties, QStringList{QStringLiteral("client.id=cohort-desk")});
        QCOMPARE(secrets.read(QStringLiteral("staging")).password, kPassword);
        store.sync();
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.contains("stage-1:9092"));
        QVERIFY(!bytes.contains(kPassword.toUtf8()));

        // Reopened: the last used profile is shown and its password arrives from the store.
        ConnectionDialog again(store, secrets);
        again.show();
        QCOMPARE(child<QListWidget>(again, "profileList")->currentItem()->text(), QStringLiteral("staging"));
        QCOMPARE(child<QLineEdit>(again, "nameEdit")->text(), QStringLiteral("staging"));
        QTRY_COMPARE(child<QLineEdit>(again, "passwordEdit")->text(), kPassword);
        // No secret service: the dialog says the password will be asked again.
        QVERIFY(child<QLabel>(again, "secretStatusLabel")->text().contains(QLatin1String("ask for the password")));
    }

    void renameMovesThePasswordAndDeleteForgetsIt()
    {
        ConnectionProfileStore store(freshSettings());
        MemorySecretStore secrets;
        ConnectionProfile p;
        p.name = QStringLiteral("old");
        p.bootstrapServers = QStringLiteral("h:9092");
        p.securityProtocol = ConnectionProfile::SecurityProtocol::SaslPlaintext;
        p.userName = kUser;
        QVERIFY(store.save(p));
        secrets.write(QStringLiteral("old"), kPassword);

        ConnectionDialog dlg(store, secrets);
        dlg.show();
        QVERIFY(dlg.selectProfile(QStringLiteral("old")));
        QTRY_COMPARE(child<QLineEdit>(dlg, "passwordEdit")->text(), kPassword);
        type(dlg, "nameEdit", QStringLiteral("new"));
        clickButton(dlg, "saveButton");
        QVERIFY2(dlg.shownProblems().isEmpty(), qPrintable(dlg.shownProblems().join(QLatin1Char('|'))));
        QCOMPARE(store.names(), QStringList{QStringLiteral("new")});
        QCOMPARE(secrets.read(QStringLiteral("new")).password, kPassword);
        QVERIFY(!secrets.read(QStringLiteral("old")).found);

        // A new profile may not take a saved one's name.
        clickButton(dlg, "newButton");
        QVERIFY(child<QLineEdit>(dlg, "nameEdit")->text().isEmpty());
        type(dlg, "nameEdit", QStringLiteral("new"));
        type(dlg, "bootstrapEdit", QStringLiteral("other:9092"));
        clickButton(dlg, "saveButton");
        QCOMPARE(dlg.shownProblems().size(), 1);
        QCOMPARE(store.load(QStringLiteral("new"))->bootstrapServers, QStringLiteral("h:9092"));

        // Delete asks first; answer Yes from the message box.
        QVERIFY(dlg.selectProfile(QStringLiteral("new")));
        QTimer::singleShot(0, this, [] {
            QWidget *box = QApplication::activeModalWidget();
            if (auto *mb = qobject_cast<QMessageBox *>(box))
                mb->button(QMessageBox::Yes)->click();
        });
        clickButton(dlg, "deleteButton");
        QVERIFY(store.names().isEmpty());
        QVERIFY(!secrets.read(QStringLiteral("new")).found);
        QVERIFY(child<QLineEdit>(dlg, "nameEdit")->text().isEmpty());
    }
};

QTEST_MAIN(TestConnectionDialog)
#include "tst_connection_dialog.moc"
