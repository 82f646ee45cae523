// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/SecretStore.h"

#include "core/connection/KeychainSecretStore.h"
#include "core/connection/MemorySecretStore.h"

#include <QCoreApplication>

namespace cohort {

std::unique_ptr<SecretStore> SecretStore::createDefault(QObject *parent)
{
#ifdef COHORT_HAVE_KEYCHAIN
    return std::make_unique<KeychainSecretStore>(parent);
#else
    return std::make_unique<MemorySecretStore>(parent, QCoreApplication::translate("SecretStore", "Cohort was built without QtKeychain"));
#endif
}

}   // namespace cohort
