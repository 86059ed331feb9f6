#include "fastdecoder.h"

#include "fastreader.h"

#include <memory>
#include <string_view>

namespace Protocol {

namespace {

using namespace FastPath;
using namespace std::string_view_literals;

// Frames above this are left to QJsonDocument: the parser keeps what it
// allocated for its largest frame, and only snapshots come this big.
constexpr size_t kMaxFastFrameBytes = 4 * 1024 * 1024;
// Deeper JSON is not a hot message; the QJsonDocument path judges it.
constexpr size_t kMaxDepth = 64;

// Flattened: the field rules (templates) and FastReader's reads (inline)
// are compiled into this one function, so sharing the rules with the
// reference path costs the fast path nothing (docs/performance.md).
[[gnu::flatten]] bool decodeMessage(element v, QList<Message> &out)
{
    simdjson::dom::object o;
    if (v.get_object().get(o))
        return false;
    bool ok = true;
    Message m;
    {
        FastReader r(o, ok);
        std::string_view type;
        Rules::HotType hot {};
        if (!ok || !r.has("type"_field) || r["type"_field].get_string().get(type)
            || !lookup(type, Rules::kHotTypes, hot))
            return false;
        Rules::readNumbering(r, m);
        if (!ok)
            return false;
        Rules::readHotBody(r, hot, m.body);
    }
    if (ok)
        out.append(std::move(m));
    return ok;
}

bool isBatch(element v)
{
    std::string_view type;
    return v.is_object() && !v["type"].get_string().get(type) && type == "batch"sv;
}

// A batch as the QJsonDocument path reads it: `events`, a non-empty array
// of messages; its other fields are not read.
bool decodeBatch(element value, QList<Message> &out)
{
    Fields f;
    array events;
    if (!collect(simdjson::dom::object(value), f) || !f.has("events"_field) || f["events"_field].get_array().get(events)
        || events.size() == 0)
        return false;
    out.reserve(out.size() + qsizetype(events.size()));
    for (element event : events) {
        if (!decodeMessage(event, out))
            return false;
    }
    return true;
}

// Frames bigger than this that the fast path does not take (snapshots)
// make the parser give back what it grew to for them.
constexpr size_t kKeptCapacity = 1024 * 1024;
constexpr size_t kInitialCapacity = 64 * 1024;

simdjson::dom::parser *threadParser()
{
    // One per thread: decodeFrame() is a pure function any thread may call.
    thread_local std::unique_ptr<simdjson::dom::parser> parser = [] {
        auto p = std::make_unique<simdjson::dom::parser>(kMaxFastFrameBytes);
        return p->allocate(kInitialCapacity, kMaxDepth) ? nullptr : std::move(p);
    }();
    return parser.get();
}

std::optional<DecodedFrame> decodeDocument(element doc)
{
    DecodedFrame out;
    const auto decodeTop = [&out](element value) {
        return isBatch(value) ? decodeBatch(value, out.messages) : decodeMessage(value, out.messages);
    };
    if (doc.is_object())
        return decodeTop(doc) ? std::optional(std::move(out)) : std::nullopt;
    array top;
    if (doc.get_array().get(top) || top.size() == 0)
        return std::nullopt;
    for (element value : top) {
        if (!decodeTop(value))
            return std::nullopt;
    }
    return out;
}

} // namespace

std::optional<DecodedFrame> fastDecodeFrame(QByteArrayView utf8)
{
    simdjson::dom::parser *parser = threadParser();
    // An empty frame has no data pointer to hand over; the QJsonDocument
    // path reports it.
    if (!parser || utf8.isEmpty() || size_t(utf8.size()) > kMaxFastFrameBytes)
        return std::nullopt;
    element doc;
    if (parser->parse(utf8.data(), size_t(utf8.size()), true).get(doc))
        return std::nullopt;
    std::optional<DecodedFrame> out;
    {
        const ZeroCheck zeroCheck(std::string_view(utf8.data(), size_t(utf8.size())));
        out = decodeDocument(doc);
    }
    if (!out && parser->capacity() > kKeptCapacity) {
        // Gives back what a snapshot made the parser grow to; should that
        // fail, the next parse allocates what it needs.
        const simdjson::error_code shrunk = parser->allocate(kInitialCapacity, kMaxDepth);
        Q_UNUSED(shrunk)
    }
    return out;
}

} // namespace Protocol
