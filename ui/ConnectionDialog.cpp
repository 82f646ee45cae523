// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ConnectionDialog.h"

#include "ui_ConnectionDialog.h"

#include "core/connection/ConnectionDiagnosis.h"
#include "core/connection/ConnectionProfileStore.h"
#include "core/connection/SecretStore.h"
#include "core/kafka/RdKafkaClusterClient.h"
#include "models/Theme.h"
#include "models/ThemeNotifier.h"

#include <QElapsedTimer>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QtConcurrent>

namespace cohort {

using Protocol = ConnectionProfile::SecurityProtocol;
using Mechanism = ConnectionProfile::SaslMechanism;

ConnectionDialog::ConnectionDialog(ConnectionProfileStore &store, SecretStore &secrets, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::ConnectionDialog>())
    , m_store(store)
    , m_secrets(secrets)
{
    ui->setupUi(this);
    QLabel *problems = ui->problemsLabel;
    ThemeNotifier::restyleOnChange(
        problems, [problems] { problems->setStyleSheet(Theme::textStyleSheet(Theme::current().status(Theme::Status::Error))); });
    ui->splitter->setStretchFactor(1, 3);

    for (const auto p : {Protocol::Plaintext, Protocol::Ssl, Protocol::SaslPlaintext, Protocol::SaslSsl})
        ui->protocolCombo->addItem(ConnectionProfile::securityProtocolName(p), int(p));
    for (const auto m : {Mechanism::Plain, Mechanism::ScramSha256, Mechanism::ScramSha512})
        ui->mechanismCombo->addItem(ConnectionProfile::saslMechanismName(m), int(m));

    QPushButton *connectButton = ui->buttonBox->addButton(tr("C&onnect"), QDialogButtonBox::AcceptRole);
    connectButton->setObjectName(QStringLiteral("connectButton"));
    connectButton->setDefault(true);
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);

    connect(ui->newButton, &QPushButton::clicked, this, &ConnectionDialog::newProfile);
    connect(ui->deleteButton, &QPushButton::clicked, this, &ConnectionDialog::deleteProfile);
    connect(ui->saveButton, &QPushButton::clicked, this, &ConnectionDialog::saveProfile);
    connect(ui->testButton, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(ui->profileList, &QListWidget::currentItemChanged, this, &ConnectionDialog::onSelectionChanged);
    connect(ui->protocolCombo, &QComboBox::currentIndexChanged, this, &ConnectionDialog::updateEnabledFields);
    connect(ui->caBrowse, &QToolButton::clicked, this, [this] { browse(ui->caEdit, tr("CA certificate")); });
    connect(ui->certBrowse, &QToolButton::clicked, this, [this] { browse(ui->certEdit, tr("Client certificate")); });
    connect(ui->keyBrowse, &QToolButton::clicked, this, [this] { browse(ui->keyEdit, tr("Client key")); });

    for (QLineEdit *e : {ui->nameEdit, ui->bootstrapEdit, ui->userEdit, ui->passwordEdit, ui->caEdit, ui->certEdit, ui->keyEdit})
        connect(e, &QLineEdit::textChanged, this, &ConnectionDialog::onFormEdited);
    connect(ui->extraEdit, &QPlainTextEdit::textChanged, this, &ConnectionDialog::onFormEdited);
    connect(ui->protocolCombo, &QComboBox::currentIndexChanged, this, &ConnectionDialog::onFormEdited);

    connect(&m_secrets, &SecretStore::fellBackToMemory, this, [this] { updateSecretStatus(); });

    updateSecretStatus();
    const QString last = m_store.lastUsed();
    reloadList(last.isEmpty() && !m_store.names().isEmpty() ? m_store.names().first() : last);
    if (!ui->profileList->currentItem())
        newProfile();
    updateEnabledFields();
}

ConnectionDialog::~ConnectionDialog() = default;

ConnectionProfile ConnectionDialog::profile() const
{
    ConnectionProfile p;
    p.name = ui->nameEdit->text();
    p.bootstrapServers = ui->bootstrapEdit->text().trimmed();
    p.securityProtocol = Protocol(ui->protocolCombo->currentData().toInt());
    p.saslMechanism = Mechanism(ui->mechanismCombo->currentData().toInt());
    p.userName = ui->userEdit->text().trimmed();
    p.sslCaFile = ui->caEdit->text().trimmed();
    p.sslCertificateFile = ui->certEdit->text().trimmed();
    p.sslKeyFile = ui->keyEdit->text().trimmed();
    const QString extra = ui->extraEdit->toPlainText().trimmed();
    if (!extra.isEmpty())
        p.extraProperties = extra.split(QLatin1Char('\n'));
    p.readOnly = ui->readOnlyCheck->isChecked();
    p.production = ui->productionCheck->isChecked();
    return p;
}

QString ConnectionDialog::password() const
{
    return ui->passwordEdit->isEnabled() ? ui->passwordEdit->text() : QString();
}

bool ConnectionDialog::selectProfile(const QString &name)
{
    const QList<QListWidgetItem *> found = ui->profileList->findItems(name, Qt::MatchExactly);
    if (found.isEmpty())
        return false;
    ui->profileList->setCurrentItem(found.first());
    return true;
}

void ConnectionDialog::setProfile(const ConnectionProfile &profile, const QString &password)
{
    if (m_store.contains(profile.name)) {
        selectProfile(profile.name);
    } else {
        const QSignalBlocker block(ui->profileList);
        ui->profileList->setCurrentItem(nullptr);
        m_loadedName.clear();
    }
    ++m_passwordGeneration;   // the form's password wins over a stored one arriving late
    loadIntoForm(profile);
    ui->passwordEdit->setText(password);
}

void ConnectionDialog::reloadList(const QString &select)
{
    const QSignalBlocker block(ui->profileList);
    ui->profileList->clear();
    ui->profileList->addItems(m_store.names());
    const QList<QListWidgetItem *> found = ui->profileList->findItems(select, Qt::MatchExactly);
    ui->profileList->setCurrentItem(found.isEmpty() ? nullptr : found.first());
    if (!found.isEmpty() && select != m_loadedName)
        onSelectionChanged();
    ui->deleteButton->setEnabled(ui->profileList->count() > 0);
}

void ConnectionDialog::onSelectionChanged()
{
    QListWidgetItem *item = ui->profileList->currentItem();
    if (!item)
        return;
    const std::optional<ConnectionProfile> p = m_store.load(item->text());
    if (!p)
        return;
    m_loadedName = p->name;
    loadIntoForm(*p);
    readStoredPassword(p->name);
}

void ConnectionDialog::loadIntoForm(const ConnectionProfile &p)
{
    m_filling = true;
    ui->nameEdit->setText(p.name);
    ui->bootstrapEdit->setText(p.bootstrapServers);
    ui->protocolCombo->setCurrentIndex(ui->protocolCombo->findData(int(p.securityProtocol)));
    ui->mechanismCombo->setCurrentIndex(ui->mechanismCombo->findData(int(p.saslMechanism)));
    ui->userEdit->setText(p.userName);
    ui->passwordEdit->clear();
    ui->caEdit->setText(p.sslCaFile);
    ui->certEdit->setText(p.sslCertificateFile);
    ui->keyEdit->setText(p.sslKeyFile);
    ui->extraEdit->setPlainText(p.extraProperties.join(QLatin1Char('\n')));
    ui->readOnlyCheck->setChecked(p.readOnly);
    ui->productionCheck->setChecked(p.production);
    m_filling = false;
    showProblems({});
    ui->resultView->clear();
    updateEnabledFields();
}

void ConnectionDialog::readStoredPassword(const QString &name)
{
    const quint64 generation = ++m_passwordGeneration;
    m_secrets.readPassword(name).then(this, [this, generation](const SecretReply &reply) {
        // Another profile was chosen meanwhile, or the user typed a password.
        if (generation != m_passwordGeneration || !ui->passwordEdit->text().isEmpty())
            return;
        if (reply.found) {
            m_filling = true;
            ui->passwordEdit->setText(reply.password);
            m_filling = false;
        }
        updateSecretStatus();
    });
}

void ConnectionDialog::newProfile()
{
    {
        const QSignalBlocker block(ui->profileList);
        ui->profileList->setCurrentItem(nullptr);
        ui->profileList->clearSelection();
    }
    m_loadedName.clear();
    ++m_passwordGeneration;
    loadIntoForm(ConnectionProfile{});
    ui->nameEdit->setFocus();
}

bool ConnectionDialog::saveProfile()
{
    const ConnectionProfile p = profile();
    if (!checkProblems(p))
        return false;
    if (m_loadedName.isEmpty() || m_loadedName != p.name) {
        // A new name must not silently replace another saved connection.
        if (m_store.contains(p.name)) {
            showProblems({tr("A connection called \"%1\" exists already: choose another name.").arg(p.name)});
            return false;
        }
        if (!m_loadedName.isEmpty()) {
            if (const Result<Done, QString> renamed = m_store.rename(m_loadedName, p.name); !renamed) {
                showProblems({renamed.error()});
                return false;
            }
            m_secrets.removePassword(m_loadedName);
        }
    }
    if (const Result<Done, QString> saved = m_store.save(p); !saved) {
        showProblems({saved.error()});
        return false;
    }
    const QString pw = password();
    if (ui->rememberPasswordCheck->isChecked() && !pw.isEmpty()) {
        m_secrets.writePassword(p.name, pw).then(this, [this](const SecretReply &reply) {
            updateSecretStatus(reply.persistent ? tr("Password saved in the system keychain.")
                                                : tr("The password is kept only until Cohort exits; you will be asked for it next time."));
        });
    } else {
        m_secrets.removePassword(p.name);
    }
    m_loadedName = p.name;
    reloadList(p.name);
    return true;
}

void ConnectionDialog::deleteProfile()
{
    if (m_loadedName.isEmpty()) {
        newProfile();
        return;
    }
    const QString name = m_loadedName;
    const auto answer
        = QMessageBox::question(this, tr("Delete connection"), tr("Delete the connection \"%1\" and its saved password?").arg(name),
                                QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    m_store.remove(name);
    m_secrets.removePassword(name);
    m_loadedName.clear();
    const QStringList names = m_store.names();
    reloadList(names.isEmpty() ? QString() : names.first());
    if (!ui->profileList->currentItem())
        newProfile();
}

void ConnectionDialog::accept()
{
    if (!saveProfile())
        return;
    m_store.setLastUsed(m_loadedName);
    QDialog::accept();
}

bool ConnectionDialog::isTesting() const
{
    return m_testing;
}

QString ConnectionDialog::testResultText() const
{
    return m_testing ? QString() : ui->resultView->toPlainText();
}

void ConnectionDialog::testConnection()
{
    const ConnectionProfile p = profile();
    if (!checkProblems(p))
        return;
    const quint64 generation = ++m_testGeneration;
    m_testing = true;
    ui->testButton->setText(tr("Testing… (click to restart)"));
    ui->testProgress->setVisible(true);
    ui->resultView->setPlainText(tr("Connecting to %1…").arg(p.bootstrapList().join(QLatin1String(", "))));

    const RdKafkaClusterClient::Properties props = p.librdkafkaProperties(password());
    const int timeoutMs = m_testTimeoutMs;
    // create() may read CA bundles: off the GUI thread too, then the test itself
    // on the client's own threads.
    QFuture<Result<ConnectionReport>> future
        = QtConcurrent::run([props, timeoutMs] { return RdKafkaClusterClient::create(props, timeoutMs); })
              .then([](Result<std::shared_ptr<RdKafkaClusterClient>> made) -> QFuture<Result<ConnectionReport>> {
                  if (!made)
                      return QtFuture::makeReadyFuture(Result<ConnectionReport>(made.error()));
                  return made.value()->testConnection();
              })
              .unwrap()
              // A failure gets a look at the listener itself (blocking: a pool thread).
              .then(QtFuture::Launch::Async, [props, timeoutMs](const Result<ConnectionReport> &result) -> Result<ConnectionReport> {
                  if (result)
                      return result;
                  return ConnectionDiagnosis::explain(result.error(), props, qMin(timeoutMs, ConnectionDiagnosis::kMaxBudgetMs));
              });

    auto *watcher = new QFutureWatcher<Result<ConnectionReport>>(this);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, timer] {
        watcher->deleteLater();
        if (generation != m_testGeneration)
            return;
        m_testing = false;
        finishTestUi();
        if (watcher->future().isCanceled() || watcher->future().resultCount() == 0) {
            ui->resultView->setPlainText(tr("The test was interrupted."));
            Q_EMIT testFinished(false);
            return;
        }
        const Result<ConnectionReport> result = watcher->result();
        showTestResult(result, timer->elapsed());
        Q_EMIT testFinished(result.ok());
    });
    watcher->setFuture(future);
}

void ConnectionDialog::finishTestUi()
{
    ui->testButton->setText(tr("&Test connection"));
    ui->testProgress->setVisible(false);
}

void ConnectionDialog::showTestResult(const Result<ConnectionReport> &result, qint64 elapsedMs)
{
    QStringList lines;
    if (!result) {
        const KafkaError &e = result.error();
        lines << tr("Connection failed: %1").arg(e.name.isEmpty() ? e.message : e.name + QStringLiteral(": ") + e.message);
        if (!e.hint.isEmpty())
            lines << QString() << tr("What to do: %1").arg(e.hint);
        ui->resultView->setPlainText(lines.join(QLatin1Char('\n')));
        return;
    }
    const ConnectionReport &r = result.value();
    const ClusterMetadata &md = r.metadata;
    lines << tr("Connected: the cluster answered in %1 ms.").arg(elapsedMs);
    lines << tr("Cluster id: %1").arg(md.clusterId.isEmpty() ? tr("(not reported)") : md.clusterId);
    lines << tr("Controller: broker %1").arg(md.controllerId);
    lines << tr("Brokers (%1):").arg(QLocale().toString(md.brokers.size()));
    for (const BrokerInfo &b : md.brokers)
        lines << QStringLiteral("  %1  %2:%3").arg(b.id).arg(b.host).arg(b.port);
    if (r.roundTripMs >= 0)
        lines << tr("Round trip (ApiVersions request): %1 ms").arg(r.roundTripMs);
    if (!r.apiVersions.isEmpty()) {
        QStringList versions;
        for (const auto &[key, range] : r.apiVersions)
            versions << QStringLiteral("%1: %2").arg(key).arg(range);
        lines << tr("API versions seen on the bootstrap broker (key: min-max):")
              << QStringLiteral("  ") + versions.join(QLatin1String(", "));
    }
    ui->resultView->setPlainText(lines.join(QLatin1Char('\n')));
}

void ConnectionDialog::updateEnabledFields()
{
    const Protocol protocol = Protocol(ui->protocolCombo->currentData().toInt());
    const bool sasl = protocol == Protocol::SaslPlaintext || protocol == Protocol::SaslSsl;
    const bool ssl = protocol == Protocol::Ssl || protocol == Protocol::SaslSsl;
    for (QWidget *w : std::initializer_list<QWidget *>{ui->mechanismLabel, ui->mechanismCombo, ui->userLabel, ui->userEdit})
        w->setEnabled(sasl);
    for (QWidget *w : std::initializer_list<QWidget *>{ui->caLabel, ui->caEdit, ui->caBrowse, ui->certLabel, ui->certEdit, ui->certBrowse,
                                                       ui->keyLabel, ui->keyEdit, ui->keyBrowse})
        w->setEnabled(ssl);
    // Without SASL the password field is the client key's passphrase.
    for (QWidget *w : std::initializer_list<QWidget *>{ui->passwordLabel, ui->passwordEdit, ui->rememberPasswordCheck})
        w->setEnabled(sasl || ssl);
    ui->passwordLabel->setText(sasl || !ssl ? tr("Pass&word:") : tr("Key pass&phrase:"));
    ui->deleteButton->setEnabled(!m_loadedName.isEmpty() || ui->profileList->count() > 0);
}

bool ConnectionDialog::checkProblems(const ConnectionProfile &profile)
{
    const QStringList problems = profile.validate();
    showProblems(problems);
    return problems.isEmpty();
}

void ConnectionDialog::showProblems(const QStringList &problems)
{
    m_shownProblems = problems;
    ui->problemsLabel->setVisible(!problems.isEmpty());
    QStringList bullets;
    for (const QString &p : problems)
        bullets << QStringLiteral("• ") + p;
    ui->problemsLabel->setText(bullets.join(QLatin1Char('\n')));
}

void ConnectionDialog::onFormEdited()
{
    // Once problems are on screen, they follow the edits so the user sees
    // each one go away; before that, half-typed input is not nagged about.
    if (!m_filling && !m_shownProblems.isEmpty())
        showProblems(profile().validate());
}

void ConnectionDialog::updateSecretStatus(const QString &note)
{
    // One sentence pattern, not a join with ". ": Chinese ends the store's sentence with "。".
    QString text = m_secrets.isPersistent()
                       ? QString()
                       : tr("%1. Cohort will ask for the password when it connects next time.").arg(m_secrets.description());
    if (!note.isEmpty())
        text = text.isEmpty() ? note : note + QLatin1Char(' ') + text;
    ui->secretStatusLabel->setText(text);
    ui->secretStatusLabel->setVisible(!text.isEmpty());
}

void ConnectionDialog::browse(QLineEdit *edit, const QString &title)
{
    const QString file
        = QFileDialog::getOpenFileName(this, title, edit->text(), tr("Certificates and keys (*.pem *.crt *.cer *.key);;All files (*)"));
    if (!file.isEmpty())
        edit->setText(file);
}

}   // namespace cohort
