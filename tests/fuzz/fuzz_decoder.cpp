#include "protocol/decoder.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

// libFuzzer entry point: any bytes a server might send in one frame. The
// decoder must neither crash nor trip a sanitizer, and must always say
// something about the frame: messages, errors, or both.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Protocol::DecodedFrame frame
        = Protocol::decodeFrame(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (frame.messages.isEmpty() && frame.errors.isEmpty())
        std::abort();
    for (const Protocol::DecodeError &error : frame.errors) {
        if (error.toString().isEmpty())
            std::abort();
    }
    return 0;
}
