#include "fastreader.h"

#include <array>
#include <cstring>

namespace Protocol::FastPath {

namespace {

using FieldNames::kAll;

// An open-addressing table from field name to its place in kAll, built once.
class KeyTable
{
public:
    KeyTable()
    {
        m_slots.fill(-1);
        for (int k = 0; k < int(kAll.size()); ++k) {
            size_t slot = hash(kAll[size_t(k)]);
            while (m_slots[slot] >= 0)
                slot = (slot + 1) % m_slots.size();
            m_slots[slot] = qint8(k);
        }
    }

    int find(std::string_view name) const
    {
        for (size_t slot = hash(name);; slot = (slot + 1) % m_slots.size()) {
            const int k = m_slots[slot];
            if (k < 0 || kAll[size_t(k)] == name)
                return k;
        }
    }

private:
    static size_t hash(std::string_view name)
    {
        if (name.empty())
            return 0;
        const auto c = [&](size_t i) { return size_t(static_cast<unsigned char>(name[i])); };
        return (name.size() * 31 + c(0) * 7 + c(name.size() - 1) * 3 + c(name.size() / 2)) % 256;
    }

    std::array<qint8, 256> m_slots {};
};

const KeyTable &keyTable()
{
    static const KeyTable table;
    return table;
}

// The frame being decoded on this thread, for the zero check.
thread_local ZeroCheck *t_zeroCheck = nullptr;

bool zeroIsReal(element v)
{
    return double(v) != 0.0 || (t_zeroCheck && t_zeroCheck->realZero());
}

} // namespace

ZeroCheck::ZeroCheck(std::string_view text)
    : m_text(text)
    , m_outer(t_zeroCheck)
{
    t_zeroCheck = this;
}

ZeroCheck::~ZeroCheck()
{
    t_zeroCheck = m_outer;
}

bool ZeroCheck::realZero()
{
    if (m_verdict < 0)
        m_verdict = scan() ? 1 : 0;
    return m_verdict == 1;
}

// Hops between the few '-' and '.' with memchr rather than looking at every
// byte: frames run to megabytes.
bool ZeroCheck::scan() const
{
    const char *begin = m_text.data();
    const char *end = begin + m_text.size();
    for (const char *p = begin; (p = static_cast<const char *>(std::memchr(p, '-', size_t(end - p)))); ++p) {
        // A negative exponent: a digit or point, 'e' or 'E', then '-'.
        if (p - begin >= 2 && (p[-1] == 'e' || p[-1] == 'E') && ((p[-2] >= '0' && p[-2] <= '9') || p[-2] == '.'))
            return false;
    }
    constexpr ptrdiff_t kLongestZeroRun = 300;
    for (const char *p = begin; (p = static_cast<const char *>(std::memchr(p, '.', size_t(end - p))));) {
        const char *zeros = ++p;
        while (p < end && *p == '0')
            ++p;
        if (p - zeros >= kLongestZeroRun)
            return false;
    }
    return true;
}

bool plain(element v)
{
    switch (v.type()) {
    case element_type::DOUBLE:
        return zeroIsReal(v);
    case element_type::ARRAY:
        for (element item : array(v)) {
            if (!plain(item))
                return false;
        }
        return true;
    case element_type::OBJECT:
        for (auto field : simdjson::dom::object(v)) {
            if (!plain(field.value))
                return false;
        }
        return true;
    default:
        return true;
    }
}

bool collect(simdjson::dom::object o, Fields &f)
{
    const KeyTable &table = keyTable();
    for (auto field : o) {
        const element v = field.value;
        const int k = table.find(field.key);
        const quint64 b = k < 0 ? 0 : quint64(1) << k;
        if (v.is_array() || v.is_object()) {
            if (b & kNested)
                f.unchecked |= b;
            else if (!plain(v))
                return false;
        } else if (v.type() == element_type::DOUBLE && !zeroIsReal(v)) {
            return false;
        }
        if (k < 0)
            continue;
        if (f.present & b)
            return false;
        f.present |= b;
        f.slots[size_t(k)].value = v;
    }
    return true;
}

} // namespace Protocol::FastPath
