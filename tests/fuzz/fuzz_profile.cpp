#include "fuzzchecks.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

// libFuzzer entry point: FuzzChecks::profileText() on any bytes.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!FuzzChecks::profileText(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size))))
        std::abort();
    return 0;
}
