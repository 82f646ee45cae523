// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace cohort {
class ConnectionProfileStore;
class SecretStore;
}   // namespace cohort

namespace cohort::cli {

// Where --profile finds saved connections and their passwords. Null members
// mean the user's own: Cohort's settings and the system keychain. Tests pass
// a store over a temporary file and a MemorySecretStore.
struct CliContext
{
    ConnectionProfileStore *profiles = nullptr;
    SecretStore *secrets = nullptr;
};

}   // namespace cohort::cli
