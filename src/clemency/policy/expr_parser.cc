#include "clemency/policy/expr_parser.h"

#include <charconv>
#include <fmt/format.h>

namespace clemency {
namespace {

enum class Tok { kEnd, kNumber, kString, kDate, kIdent, kOp };

struct Token {
  Tok kind = Tok::kEnd;
  uint32_t offset = 0;
  std::string text;  // identifier, operator, or unescaped string
  double number = 0;
  bool is_integer = false;
  Date date;
};

struct Failure {
  uint32_t offset;
  std::string message;
};

bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || IsDigit(c); }

class Lexer {
 public:
  explicit Lexer(std::string_view t) : t_(t) {}

  Token Next() {
    SkipSpace();
    Token tok;
    tok.offset = static_cast<uint32_t>(p_);
    if (p_ >= t_.size()) return tok;
    const char c = t_[p_];
    if (IsDigit(c)) return Number(tok);
    if (IsIdentStart(c)) {
      size_t e = p_;
      while (e < t_.size() && IsIdentChar(t_[e])) ++e;
      tok.kind = Tok::kIdent;
      tok.text = std::string(t_.substr(p_, e - p_));
      p_ = e;
      return tok;
    }
    if (c == '"') return String(tok);
    static constexpr std::string_view kTwo[] = {"<=", ">=", "==", "!="};
    for (std::string_view op : kTwo) {
      if (t_.substr(p_, 2) == op) {
        tok.kind = Tok::kOp;
        tok.text = std::string(op);
        p_ += 2;
        return tok;
      }
    }
    static constexpr std::string_view kOne = "()[],.+-*/<>";
    if (kOne.find(c) != std::string_view::npos) {
      tok.kind = Tok::kOp;
      tok.text = std::string(1, c);
      ++p_;
      return tok;
    }
    if (c == '=') throw Failure{tok.offset, "\"=\" is not an operator; use == to compare"};
    if (c == '&' || c == '|' || c == '!')
      throw Failure{tok.offset, fmt::format("\"{}\" is not an operator; use and, or, not", c)};
    throw Failure{tok.offset, fmt::format("unexpected character \"{}\"", Printable(c))};
  }

 private:
  static std::string Printable(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u >= 0x7f ? fmt::format("\\x{:02x}", u) : std::string(1, c);
  }

  void SkipSpace() {
    while (p_ < t_.size()) {
      const char c = t_[p_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++p_;
      } else if (c == '#') {
        while (p_ < t_.size() && t_[p_] != '\n') ++p_;
      } else {
        break;
      }
    }
  }

  Token Number(Token& tok) {
    // A date: exactly NNNN-NN-NN not followed by a digit or letter.
    if (p_ + 10 <= t_.size() && t_[p_ + 4] == '-' && t_[p_ + 7] == '-' &&
        (p_ + 10 == t_.size() || !IsIdentChar(t_[p_ + 10]))) {
      const std::string_view s = t_.substr(p_, 10);
      const DateParseResult r = ParseDate(s);
      if (r.ok()) {
        tok.kind = Tok::kDate;
        tok.date = r.date;
        p_ += 10;
        return tok;
      }
      if (r.error == DateParseError::kNoSuchDate)
        throw Failure{tok.offset, fmt::format("{} is not a date: no such day", s)};
    }
    size_t e = p_;
    while (e < t_.size() && IsDigit(t_[e])) ++e;
    tok.is_integer = true;
    if (e < t_.size() && t_[e] == '.' && e + 1 < t_.size() && IsDigit(t_[e + 1])) {
      tok.is_integer = false;
      ++e;
      while (e < t_.size() && IsDigit(t_[e])) ++e;
    }
    const std::string_view s = t_.substr(p_, e - p_);
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), tok.number);
    if (ec != std::errc() || ptr != s.data() + s.size() || tok.number > 1e15)
      throw Failure{tok.offset, fmt::format("\"{}\" is not a usable number", s)};
    tok.kind = Tok::kNumber;
    tok.text = std::string(s);
    p_ = e;
    return tok;
  }

  Token String(Token& tok) {
    ++p_;
    std::string out;
    while (p_ < t_.size() && t_[p_] != '"') {
      if (t_[p_] == '\\' && p_ + 1 < t_.size() && (t_[p_ + 1] == '"' || t_[p_ + 1] == '\\')) ++p_;
      if (t_[p_] == '\n') throw Failure{tok.offset, "a string must end on the line it starts"};
      out.push_back(t_[p_++]);
    }
    if (p_ >= t_.size()) throw Failure{tok.offset, "a string is never closed (expected \")"};
    ++p_;
    tok.kind = Tok::kString;
    tok.text = std::move(out);
    return tok;
  }

  std::string_view t_;
  size_t p_ = 0;
};

std::string Describe(const Token& t) {
  switch (t.kind) {
    case Tok::kEnd: return "the end of the expression";
    case Tok::kNumber: return fmt::format("the number {}", t.text);
    case Tok::kString: return fmt::format("the string \"{}\"", t.text);
    case Tok::kDate: return fmt::format("the date {}", t.date.ToString());
    case Tok::kIdent: return fmt::format("\"{}\"", t.text);
    case Tok::kOp: return fmt::format("\"{}\"", t.text);
  }
  return "";
}

class Parser {
 public:
  explicit Parser(std::string_view text) : lex_(text) { Advance(); }

  NodePtr Parse() {
    NodePtr n = Or();
    if (cur_.kind != Tok::kEnd)
      throw Failure{cur_.offset, fmt::format("expected an operator or the end, found {}", Describe(cur_))};
    return n;
  }

 private:
  static constexpr int kMaxDepth = 200;
  static constexpr int kMaxNodes = 5000;

  void Advance() { cur_ = lex_.Next(); }
  bool IsOp(std::string_view op) const { return cur_.kind == Tok::kOp && cur_.text == op; }
  bool IsWord(std::string_view w) const { return cur_.kind == Tok::kIdent && cur_.text == w; }
  void Expect(std::string_view op, std::string_view what) {
    if (!IsOp(op)) throw Failure{cur_.offset, fmt::format("expected {}, found {}", what, Describe(cur_))};
    Advance();
  }

  NodePtr Make(NodeKind k, uint32_t offset, std::string text = "") {
    if (++nodes_ > kMaxNodes) throw Failure{offset, "the expression is too long (over 5000 parts)"};
    auto n = std::make_unique<Node>();
    n->kind = k;
    n->offset = offset;
    n->text = std::move(text);
    return n;
  }
  NodePtr Binary(std::string op, uint32_t offset, NodePtr a, NodePtr b) {
    NodePtr n = Make(NodeKind::kBinary, offset, std::move(op));
    n->children.push_back(std::move(a));
    n->children.push_back(std::move(b));
    return n;
  }

  struct DepthGuard {
    explicit DepthGuard(Parser& p) : p_(p) {
      if (++p_.depth_ > kMaxDepth) throw Failure{p_.cur_.offset, "the expression is nested too deeply"};
    }
    ~DepthGuard() { --p_.depth_; }
    Parser& p_;
  };

  NodePtr Or() {
    NodePtr n = And();
    while (IsWord("or")) {
      const uint32_t at = cur_.offset;
      Advance();
      n = Binary("or", at, std::move(n), And());
    }
    return n;
  }
  NodePtr And() {
    NodePtr n = Not();
    while (IsWord("and")) {
      const uint32_t at = cur_.offset;
      Advance();
      n = Binary("and", at, std::move(n), Not());
    }
    return n;
  }
  NodePtr Not() {
    DepthGuard g(*this);
    if (IsWord("not")) {
      NodePtr n = Make(NodeKind::kUnary, cur_.offset, "not");
      Advance();
      n->children.push_back(Not());
      return n;
    }
    return Compare();
  }
  bool AtComparison() const {
    if (cur_.kind == Tok::kOp)
      return cur_.text == "<" || cur_.text == "<=" || cur_.text == ">" || cur_.text == ">=" ||
             cur_.text == "==" || cur_.text == "!=";
    return IsWord("in") || IsWord("has");
  }
  NodePtr Compare() {
    NodePtr n = Additive();
    if (AtComparison()) {
      const std::string op = cur_.text;
      const uint32_t at = cur_.offset;
      Advance();
      n = Binary(op, at, std::move(n), Additive());
      if (AtComparison())
        throw Failure{cur_.offset, "comparisons do not chain; join them with and"};
    }
    return n;
  }
  NodePtr Additive() {
    NodePtr n = Term();
    while (IsOp("+") || IsOp("-")) {
      const std::string op = cur_.text;
      const uint32_t at = cur_.offset;
      Advance();
      n = Binary(op, at, std::move(n), Term());
    }
    return n;
  }
  NodePtr Term() {
    NodePtr n = Unary();
    while (IsOp("*") || IsOp("/")) {
      const std::string op = cur_.text;
      const uint32_t at = cur_.offset;
      Advance();
      n = Binary(op, at, std::move(n), Unary());
    }
    return n;
  }
  NodePtr Unary() {
    DepthGuard g(*this);
    if (IsOp("-")) {
      NodePtr n = Make(NodeKind::kUnary, cur_.offset, "-");
      Advance();
      n->children.push_back(Unary());
      return n;
    }
    return Primary();
  }

  static bool IsUnit(std::string_view w) {
    return w == "year" || w == "years" || w == "month" || w == "months" || w == "day" || w == "days";
  }

  NodePtr Primary() {
    DepthGuard g(*this);
    const Token t = cur_;
    switch (t.kind) {
      case Tok::kEnd:
        throw Failure{t.offset, "expected a value, found the end of the expression"};
      case Tok::kNumber: {
        Advance();
        if (cur_.kind == Tok::kIdent && IsUnit(cur_.text)) {
          if (!t.is_integer)
            throw Failure{t.offset, fmt::format("a duration needs a whole number, not {}", t.text)};
          NodePtr n = Make(NodeKind::kDuration, t.offset, t.text + " " + cur_.text);
          const auto v = static_cast<int64_t>(t.number);
          n->duration = cur_.text[0] == 'y'   ? CalendarDuration::Years(v)
                        : cur_.text[0] == 'm' ? CalendarDuration::Months(v)
                                              : CalendarDuration::Days(v);
          Advance();
          return n;
        }
        NodePtr n = Make(NodeKind::kNumber, t.offset, t.text);
        n->number = t.number;
        n->is_integer = t.is_integer;
        return n;
      }
      case Tok::kString: {
        Advance();
        return Make(NodeKind::kString, t.offset, t.text);
      }
      case Tok::kDate: {
        Advance();
        NodePtr n = Make(NodeKind::kDate, t.offset, t.date.ToString());
        n->date = t.date;
        return n;
      }
      case Tok::kIdent: {
        if (t.text == "true" || t.text == "false") {
          Advance();
          NodePtr n = Make(NodeKind::kBool, t.offset, t.text);
          n->boolean = t.text == "true";
          return n;
        }
        if (t.text == "unknown") {
          Advance();
          return Make(NodeKind::kUnknown, t.offset, t.text);
        }
        static constexpr std::string_view kReserved[] = {"and", "or", "not", "in", "has"};
        for (std::string_view r : kReserved)
          if (t.text == r)
            throw Failure{t.offset, fmt::format("expected a value, found the keyword \"{}\"", r)};
        std::string name = t.text;
        Advance();
        while (IsOp(".")) {
          Advance();
          if (cur_.kind != Tok::kIdent)
            throw Failure{cur_.offset, fmt::format("expected a name after \".\", found {}", Describe(cur_))};
          name += "." + cur_.text;
          Advance();
        }
        if (!IsOp("(")) return Make(NodeKind::kName, t.offset, std::move(name));
        Advance();
        NodePtr n = Make(NodeKind::kCall, t.offset, std::move(name));
        if (!IsOp(")")) {
          n->children.push_back(Or());
          while (IsOp(",")) {
            Advance();
            n->children.push_back(Or());
          }
        }
        Expect(")", "\",\" or \")\"");
        return n;
      }
      case Tok::kOp: {
        if (t.text == "(") {
          Advance();
          NodePtr n = Or();
          Expect(")", "\")\"");
          return n;
        }
        if (t.text == "[") {
          Advance();
          NodePtr n = Make(NodeKind::kList, t.offset);
          if (!IsOp("]")) {
            n->children.push_back(Or());
            while (IsOp(",")) {
              Advance();
              n->children.push_back(Or());
            }
          }
          Expect("]", "\",\" or \"]\"");
          return n;
        }
        throw Failure{t.offset, fmt::format("expected a value, found {}", Describe(t))};
      }
    }
    throw Failure{t.offset, "expected a value"};
  }

  Lexer lex_;
  Token cur_;
  int depth_ = 0;
  int nodes_ = 0;
};

}  // namespace

ParseResult ParseExpression(std::string_view text) {
  ParseResult r;
  try {
    Parser p(text);
    r.root = p.Parse();
  } catch (const Failure& f) {
    r.error = ParseError{f.offset, f.message};
  }
  return r;
}

}  // namespace clemency
