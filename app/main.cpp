// SPDX-License-Identifier: GPL-3.0-or-later
// cohort: the desktop app. Argument parsing and wiring only.

#include "core/connection/BootstrapServer.h"
#include "core/connection/ConnectionProfileStore.h"
#include "core/connection/SecretStore.h"
#include "core/history/HistoryStore.h"
#include "core/rebalance/GroupWatcher.h"
#include "core/session/ClusterSession.h"
#include "core/util/EventLoopWait.h"
#include "core/util/LanguageChoice.h"
#include "core/util/Translations.h"
#include "sandbox/SandboxCluster.h"
#include "sandbox/demo/DemoWorkload.h"
#include "ui/GroupPage.h"
#include "ui/GroupRebalancesTab.h"
#include "ui/MainWindow.h"
#include "widgets/AppPalette.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QInputDialog>
#include <QLocale>
#include <QSettings>
#include <QTabWidget>
#include <QTextStream>
#include <QTimer>

#include <memory>

using namespace cohort;

int main(int argc, char **argv)
{
    // --screenshot renders offscreen unless a platform was chosen explicitly;
    // --help and --version print without a display too (over ssh, in a
    // package's build), where the default platform would abort.
    for (int i = 1; i < argc; ++i)
        for (const char *offscreenOption : {"--screenshot", "--help", "-h", "--help-all", "--version", "-v"})
            if (qstrcmp(argv[i], offscreenOption) == 0 && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Cohort"));
    QApplication::setOrganizationName(QStringLiteral("Cohort"));
    // The language comes before the parser, whose --help it translates: --lang
    // for this run, else View → Language's choice, else the system's.
    QString language = LanguageChoice::stored(QSettings());
    bool badLanguage = false;
    QString languageArg;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == QLatin1String("--lang") && i + 1 < argc)
            languageArg = QString::fromLocal8Bit(argv[i + 1]);
        else if (arg.startsWith(QLatin1String("--lang=")))
            languageArg = arg.mid(7);
    }
    if (!languageArg.isEmpty()) {
        if (const std::optional<QString> chosen = LanguageChoice::parse(languageArg))
            language = *chosen;
        else
            badLanguage = true;
    }
    cohort::installTranslations(app, LanguageChoice::locale(language));
    QApplication::setApplicationVersion(QStringLiteral(COHORT_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/cohort/icons/cohort.svg")));
    QApplication::setDesktopFileName(QStringLiteral("io.github.cohort.Cohort"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Cohort: Kafka consumer groups on your desktop."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOpt(
        QStringLiteral("demo"),
        QApplication::translate("main",
                                "Start the built-in demo cluster and connect to it (the default when no connection was used before)."));
    const QCommandLineOption bootstrapOpt(
        QStringLiteral("bootstrap-server"),
        QApplication::translate("main", "Connect to this cluster (with --profile: instead of the profile's servers)."),
        QStringLiteral("HOST:PORT[,...]"));
    const QCommandLineOption profileOpt(QStringLiteral("profile"), QApplication::translate("main", "Connect with this saved connection."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption shotOpt(QStringLiteral("screenshot"),
                                     QApplication::translate("main", "Render the window once data has arrived, save it as PNG and exit."),
                                     QStringLiteral("FILE.png"));
    const QCommandLineOption pageOpt(
        QStringLiteral("page"),
        QApplication::translate("main", "Page to open at start (and for --screenshot): groups, topics, group:<id> or rebalances:<id>."),
        QStringLiteral("NAME"), QStringLiteral("groups"));
    const QCommandLineOption langOpt(
        QStringLiteral("lang"),
        QApplication::translate("main", "Show Cohort in this language for this run: system, en or zh_CN (View → Language keeps a choice)."),
        QStringLiteral("LANG"));
    const QCommandLineOption paletteOpt(
        QStringLiteral("palette"),
        QApplication::translate("main", "Draw with this palette instead of the desktop's: light or dark (Fusion style)."),
        QStringLiteral("light|dark"));
    // For the tests of remembered state across two real launches: once the
    // first snapshot is shown, print what the window restored (one JSON line)
    // and close it as the user would (which saves), then exit.
    QCommandLineOption printStateOpt(QStringLiteral("print-state-and-quit"),
                                     QStringLiteral("Print the restored window state as JSON after the first refresh, then quit."));
    printStateOpt.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({demoOpt, bootstrapOpt, profileOpt, shotOpt, pageOpt, langOpt, paletteOpt, printStateOpt});
    parser.process(app);

    QTextStream err(stderr);
    if (badLanguage) {
        err << "cohort: " << QApplication::translate("main", "--lang takes: system, en, zh_CN (not \"%1\")").arg(languageArg) << '\n';
        return 2;
    }
    if (parser.isSet(paletteOpt)) {
        const std::optional<AppPalette::Kind> kind = AppPalette::parse(parser.value(paletteOpt));
        if (!kind) {
            err << "cohort: "
                << QApplication::translate("main", "--palette takes: %1 (not \"%2\")")
                       .arg(AppPalette::names().join(QStringLiteral(", ")), parser.value(paletteOpt))
                << '\n';
            return 2;
        }
        AppPalette::apply(*kind);
    }
    const QString page = parser.value(pageOpt);
    const QLatin1String groupPrefix("group:");
    const QLatin1String rebalancesPrefix("rebalances:");
    // rebalances:<id>: the group page's Rebalances tab, once its watcher saw a rebalance complete.
    const bool shotRebalances = page.startsWith(rebalancesPrefix);
    const QString shotGroup = page.startsWith(groupPrefix) ? page.mid(groupPrefix.size())
                              : shotRebalances             ? page.mid(rebalancesPrefix.size())
                                                           : QString();
    if (page != QLatin1String("groups") && page != QLatin1String("topics") && shotGroup.isEmpty()) {
        err << "cohort: " << QApplication::translate("main", "--page takes: groups, topics, group:<id>, rebalances:<id>") << '\n';
        return 2;
    }

    std::unique_ptr<sandbox::SandboxCluster> demoCluster;
    std::unique_ptr<sandbox::DemoWorkload> demo;
    QString bootstrap = parser.value(bootstrapOpt);
    if (parser.isSet(bootstrapOpt)) {
        // Checked at once: librdkafka would wrap port 99999 to another port or
        // spend its whole timeout on "::::".
        if (const auto servers = BootstrapServer::parseList(bootstrap); !servers) {
            err << "cohort: " << QApplication::translate("main", "bad --bootstrap-server: %1").arg(servers.error()) << '\n';
            return 2;
        }
    }
    QString displayName = bootstrap;
    ClusterSession::OpenRequest request;
    // No cluster named: the connection used last time, else the demo.
    QString profileName = parser.value(profileOpt);
    if (profileName.isEmpty() && bootstrap.isEmpty() && !parser.isSet(demoOpt)) {
        const ConnectionProfileStore store;
        if (store.contains(store.lastUsed()))
            profileName = store.lastUsed();
    }
    if (!profileName.isEmpty()) {
        const QString name = profileName;
        ConnectionProfileStore store;
        // An explicit --bootstrap-server wins over the profile's servers.
        const Result<ConnectionProfile, QString> profile = store.loadForConnecting(name, bootstrap);
        if (!profile) {
            err << "cohort: " << profile.error() << '\n';
            return 2;
        }
        QString password;
        if (profile->usesSasl() || profile->usesSsl()) {
            const std::unique_ptr<SecretStore> secrets = SecretStore::createDefault();
            const QFuture<SecretReply> read = secrets->readPassword(name);
            const SecretReply reply = waitWithEventLoop(read) ? read.result() : SecretReply{};
            if (reply.found)
                password = reply.password;
        }
        if (password.isEmpty() && profile->usesSasl()) {
            bool ok = false;
            password = QInputDialog::getText(
                nullptr, QApplication::translate("main", "Password"),
                QApplication::translate("main", "Password of %1 for the connection \"%2\":").arg(profile->userName, name),
                QLineEdit::Password, QString(), &ok);
            if (!ok) {
                err << "cohort: " << QApplication::translate("main", "no password given for \"%1\"").arg(name) << '\n';
                return 1;
            }
        }
        request.properties = profile->librdkafkaProperties(password);
        request.access = profile->readOnly ? ClusterSession::Access::ReadOnly : ClusterSession::Access::ReadWrite;
        request.production = profile->production;
        displayName = name;
        store.setLastUsed(name);
    } else if (bootstrap.isEmpty()) {
        sandbox::SandboxConfig config;
        config.logToStderr = false;
        config.retentionBytesPerPartition = sandbox::DemoWorkload::kRetentionBytesPerPartition;
        demoCluster = std::make_unique<sandbox::SandboxCluster>(config);
        QString error;
        if (!demoCluster->start(&error)) {
            err << "cohort: " << QApplication::translate("main", "the demo cluster did not start: %1").arg(error) << '\n';
            return 1;
        }
        demo = std::make_unique<sandbox::DemoWorkload>(*demoCluster);
        if (!demo->start(&error)) {
            err << "cohort: " << QApplication::translate("main", "the demo workload did not start: %1").arg(error) << '\n';
            return 1;
        }
        bootstrap = demoCluster->bootstrapServers();
        displayName = QApplication::translate("main", "Demo cluster (%1)").arg(bootstrap);
    }

    if (request.properties.isEmpty())
        request.properties = {{QStringLiteral("bootstrap.servers"), bootstrap}};
    request.displayName = displayName;
    // The lag history survives a restart, one file per connection (the
    // demo's is "demo"); a screenshot shows what this run sees only.
    if (!parser.isSet(shotOpt))
        request.historyFile = HistoryStore::defaultPathFor(!profileName.isEmpty() ? profileName
                                                           : demoCluster          ? QStringLiteral("demo")
                                                                                  : bootstrap);
    // The client is made on a pool thread; start-up waits for it with the
    // event loop running, before any window exists (a property librdkafka
    // refuses still exits before anything is shown).
    const QFuture<Result<std::shared_ptr<ClusterSession>>> opened = ClusterSession::open(request, &app);
    if (!waitWithEventLoop(opened))
        return 1;
    const Result<std::shared_ptr<ClusterSession>> session = opened.result();
    if (!session) {
        err << "cohort: " << session.error().toString() << '\n';
        return 2;
    }

    MainWindow window;
    window.resize(1400, 900);
    // A screenshot shows the window as documented, not as this user arranged it.
    if (!parser.isSet(shotOpt))
        window.restoreRememberedState();
    if (!profileName.isEmpty())
        window.rememberConnection(profileName);
    // The demo's tabs are remembered as "demo" (as its lag history): its port changes every run.
    window.setSession(session.value(), demoCluster ? QStringLiteral("demo") : QString());

    int rc = 0;
    if (parser.isSet(shotOpt)) {
        const QString file = parser.value(shotOpt);
        // Wait for a snapshot that shows the cluster (the demo's groups take a
        // few seconds to form), then render and leave.
        const int wanted = demo ? int(sandbox::DemoWorkload::groupIds().size()) : 0;
        auto saved = std::make_shared<bool>(false);
        auto save = [&window, file, &err, saved] {
            if (*saved)
                return;
            *saved = true;
            // Let the page that was just shown lay itself out before rendering it.
            QTimer::singleShot(100, &window, [&window, file, &err] {
                const bool ok = window.grab().save(file);
                if (!ok)
                    err << "cohort: " << QApplication::translate("main", "cannot write %1").arg(file) << '\n';
                QApplication::exit(ok ? 0 : 1);
            });
        };
        auto sightings = std::make_shared<int>(0);
        QObject::connect(&window, &MainWindow::snapshotShown, &window,
                         [wanted, save, page, shotGroup, shotRebalances, sightings, &window](const ClusterSnapshot &snapshot) {
                             // Render once the groups have formed: every expected group is there
                             // and at most one is still between rebalance states.
                             int settled = 0;
                             for (const GroupSnapshot &g : snapshot.groups)
                                 settled += g.description.state == GroupState::Stable || g.description.state == GroupState::Empty ? 1 : 0;
                             const bool formed
                                 = int(snapshot.groups.size()) >= wanted && settled >= qMax(1, int(snapshot.groups.size()) - 1);
                             if (!shotGroup.isEmpty()) {
                                 const GroupSnapshot *g = snapshot.group(shotGroup);
                                 if (!g)
                                     return;
                                 // A group that keeps rebalancing is shown as it is after a few rounds.
                                 const bool groupSettled
                                     = g->description.state == GroupState::Stable || g->description.state == GroupState::Empty;
                                 ++*sightings;
                                 if (shotRebalances) {
                                     if (*sightings > 1)
                                         return;
                                     GroupPage *groupPage = window.openGroup(shotGroup);
                                     groupPage->lowerTabs()->setCurrentWidget(groupPage->rebalancesTab());
                                     // The timeline is worth a look once a rebalance is on it, and a moment after.
                                     QObject::connect(window.session()->groupWatcher(shotGroup), &GroupWatcher::eventsSeen, &window,
                                                      [save](const QList<GroupEvent> &events) {
                                                          for (const GroupEvent &e : events)
                                                              if (e.kind == GroupEventKind::RebalanceCompleted)
                                                                  QTimer::singleShot(3000, save);
                                                      });
                                     return;
                                 }
                                 if ((groupSettled && formed) || *sightings >= 4) {
                                     window.openGroup(shotGroup);
                                     save();
                                 }
                                 return;
                             }
                             if (!formed)
                                 return;
                             if (page == QLatin1String("topics"))
                                 window.showTopics();
                             save();
                         });
        // 60 s unless COHORT_SCREENSHOT_TIMEOUT_MS says otherwise (tests of the
        // give-up path use a few seconds instead of a minute).
        bool timeoutSet = false;
        const int giveUpMs = qEnvironmentVariableIntValue("COHORT_SCREENSHOT_TIMEOUT_MS", &timeoutSet);
        const int waitMs = timeoutSet && giveUpMs > 0 ? giveUpMs : 60000;
        const QString waited = QLocale().toString(waitMs / 1000.0, 'g', 3);
        QTimer::singleShot(waitMs, &window, [&err, shotGroup, sightings, waited] {
            if (!shotGroup.isEmpty() && *sightings == 0)
                err << "cohort: "
                    << QApplication::translate("main", "group \"%1\" did not appear on the cluster within %2 s; nothing was saved")
                           .arg(shotGroup, waited)
                    << '\n';
            else
                err << "cohort: " << QApplication::translate("main", "no data arrived within %1 s; nothing was saved").arg(waited) << '\n';
            QApplication::exit(1);
        });
        window.show();
        rc = app.exec();
    } else {
        // --page opens that page as the user would (remembered with the others).
        if (page == QLatin1String("topics"))
            window.showTopics();
        else if (!shotGroup.isEmpty())
            if (GroupPage *groupPage = window.openGroup(shotGroup); groupPage && shotRebalances)
                groupPage->lowerTabs()->setCurrentWidget(groupPage->rebalancesTab());
        if (parser.isSet(printStateOpt))
            QObject::connect(
                &window, &MainWindow::snapshotShown, &window,
                [&window] {
                    QTextStream(stdout) << window.rememberedStateSummary() << '\n';
                    window.close();
                },
                Qt::SingleShotConnection);
        window.show();
        rc = app.exec();
    }
    if (demo)
        demo->stop();
    return rc;
}
