// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/RequestContext.h"

#include "core/wire/ApiKey.h"
#include "core/wire/ByteReader.h"

namespace cohort::sandbox {

void RequestContext::readHeader(ByteReader &r)
{
    apiKey = r.int16();
    apiVersion = r.int16();
    correlationId = r.int32();
    // The client id stays a non-compact nullable string in header v2.
    clientId = r.nullableString().value_or(QString());
    if (ApiKey::hasFlexibleRequestHeader(apiKey, apiVersion))
        r.skipTaggedFields();
    flexibleResponseHeader = ApiKey::hasFlexibleResponseHeader(apiKey, apiVersion);
}

}   // namespace cohort::sandbox
