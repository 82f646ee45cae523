// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/RequestContext.h"

#include "core/wire/ByteReader.h"

namespace cohort::sandbox {

void RequestContext::readHeader(ByteReader &r)
{
    apiKey = r.int16();
    apiVersion = r.int16();
    correlationId = r.int32();
    clientId = r.nullableString().value_or(QString());
}

}   // namespace cohort::sandbox
