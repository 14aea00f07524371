#include "datasources/prometheus/resultlayout.h"

#include <string_view>

namespace pharos::ResponseParser {

namespace {

bool isDelimiter(char c)
{
    switch (c) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case ',':
    case ':':
    case ']':
    case '}':
    case '[':
    case '{':
    case '"':
        return true;
    default:
        return false;
    }
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

bool scanResultLayout(const char *p, qsizetype n, ResultLayout *out)
{
    struct Level
    {
        char type;
        bool expectKey;
        bool isData;   // root.data
        bool isResult; // root.data.result
        std::string_view key;
    };
    std::vector<Level> stack;
    stack.reserve(16);
    qsizetype elementBegin = -1;
    const auto valueBegins = [&](qsizetype at) {
        if (!stack.empty() && stack.back().isResult)
            elementBegin = at;
    };
    const auto valueEnds = [&](qsizetype end) {
        if (!stack.empty() && stack.back().isResult)
            out->elements.emplace_back(elementBegin, end);
    };
    for (qsizetype i = 0; i < n; ++i) {
        const char c = p[i];
        switch (c) {
        case ' ':
        case '\t':
        case '\n':
        case '\r':
        case ':':
            break;
        case ',':
            if (!stack.empty() && stack.back().type == '{')
                stack.back().expectKey = true;
            break;
        case '"': {
            qsizetype j = i + 1;
            while (j < n && p[j] != '"')
                j += p[j] == '\\' ? 2 : 1;
            if (j >= n)
                return false;
            if (!stack.empty() && stack.back().type == '{' && stack.back().expectKey) {
                stack.back().key = std::string_view(p + i + 1, std::size_t(j - i - 1));
                stack.back().expectKey = false;
            } else {
                valueBegins(i);
                valueEnds(j + 1);
            }
            i = j;
            break;
        }
        case '{':
        case '[': {
            valueBegins(i);
            Level level{c, c == '{', false, false, {}};
            if (stack.size() == 1 && c == '{' && stack[0].type == '{' && stack[0].key == "data")
                level.isData = true;
            if (stack.size() == 2 && c == '[' && stack[1].isData && stack[1].key == "result") {
                if (out->arrayBegin >= 0)
                    return false; // a second "result": leave it to the whole parse
                level.isResult = true;
                out->arrayBegin = i;
            }
            stack.push_back(level);
            break;
        }
        case '}':
        case ']': {
            if (stack.empty() || stack.back().type != (c == '}' ? '{' : '['))
                return false;
            if (stack.back().isResult)
                out->arrayEnd = i + 1;
            stack.pop_back();
            valueEnds(i + 1);
            break;
        }
        default: { // numbers, true, false, null
            valueBegins(i);
            qsizetype j = i + 1;
            while (j < n && !isDelimiter(p[j]))
                ++j;
            valueEnds(j);
            i = j - 1;
            break;
        }
        }
    }
    if (!stack.empty() || out->arrayBegin < 0 || out->arrayEnd < 0)
        return false;
    // Between the elements only whitespace and one comma each, as a JSON array has.
    qsizetype at = out->arrayBegin + 1;
    for (std::size_t e = 0; e <= out->elements.size(); ++e) {
        const qsizetype until =
            e < out->elements.size() ? out->elements[e].first : out->arrayEnd - 1;
        bool comma = false;
        for (; at < until; ++at) {
            if (p[at] == ',' && !comma && e > 0 && e < out->elements.size())
                comma = true;
            else if (!isSpace(p[at]))
                return false;
        }
        if (e > 0 && e < out->elements.size() && !comma)
            return false;
        if (e < out->elements.size())
            at = out->elements[e].second;
    }
    return true;
}

} // namespace pharos::ResponseParser
