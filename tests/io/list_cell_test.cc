// List cells (io/list_cell.h): every accepted spelling with its exact items,
// every malformed one with its position and what was expected, and the
// round trip through FormatListCell.
#include "clemency/io/list_cell.h"

#include <gtest/gtest.h>

namespace clemency::import {
namespace {

using V = std::vector<std::string>;

struct Good {
  const char* cell;
  ListFormat format;
  const char* delimiter;
  V items;
};

const Good kGood[] = {
    // Python and JSON list literals.
    {"['Theft of Property >= $5,000', \"Possession of Child's Toy, 2nd\", '']",
     ListFormat::kListLiteral,
     "",
     {"Theft of Property >= $5,000", "Possession of Child's Toy, 2nd", ""}},
    {"[\"a\", \"b\"]", ListFormat::kListLiteral, "", {"a", "b"}},
    {"  [ 'a' ,'b' ]  ", ListFormat::kListLiteral, "", {"a", "b"}},
    {"['707.2', '714.2(2)', 902.8]", ListFormat::kListLiteral, "", {"707.2", "714.2(2)", "902.8"}},
    {"[Life, 2 yrs]", ListFormat::kListLiteral, "", {"Life", "2 yrs"}},
    {"['a', None, null, \"\"]", ListFormat::kListLiteral, "", {"a", "", "", ""}},
    {"['it\\'s', \"say \\\"hi\\\"\", 'back\\\\slash', 'a\\nb\\tc']",
     ListFormat::kListLiteral,
     "",
     {"it's", "say \"hi\"", "back\\slash", "a\nb\tc"}},
    {"['\\d+ kept', \"\\u00e9\\ud83d\\ude00\"]",
     ListFormat::kListLiteral,
     "",
     {"\\d+ kept", "\xc3\xa9\xf0\x9f\x98\x80"}},
    {"[' padded ']", ListFormat::kListLiteral, "", {" padded "}},  // quoted items are kept exactly
    {"['a',]", ListFormat::kListLiteral, "", {"a"}},
    {"[]", ListFormat::kListLiteral, "", {}},
    {"[ ]", ListFormat::kListLiteral, "", {}},
    {"['']", ListFormat::kListLiteral, "", {""}},
    {"   ", ListFormat::kListLiteral, "", {}},
    {"", ListFormat::kListLiteral, "", {}},
    // Delimited lists with CSV-style quoting.
    {"707.2; 714.2(2)", ListFormat::kDelimited, ";", {"707.2", "714.2(2)"}},
    {"a;;b", ListFormat::kDelimited, ";", {"a", "", "b"}},
    {"a;b;", ListFormat::kDelimited, ";", {"a", "b", ""}},
    {"\"Theft; 2nd\";Burglary", ListFormat::kDelimited, ";", {"Theft; 2nd", "Burglary"}},
    {" \"say \"\"hi\"\"\" ; x", ListFormat::kDelimited, ";", {"say \"hi\"", "x"}},
    {"Child\"s toy|b", ListFormat::kDelimited, "|", {"Child\"s toy", "b"}},
    {"a || b || c", ListFormat::kDelimited, "||", {"a", "b", "c"}},
    {"\"\"", ListFormat::kDelimited, ";", {""}},
    {"", ListFormat::kDelimited, ";", {}},
    {"only", ListFormat::kDelimited, ";", {"only"}},
};

TEST(ListCellTest, ParsesEverySpelling) {
  for (const Good& g : kGood) {
    const ListCell c = ParseListCell(g.cell, g.format, g.delimiter);
    EXPECT_TRUE(c.ok()) << g.cell << ": " << c.error;
    EXPECT_EQ(c.items, g.items) << g.cell;
  }
}

struct Bad {
  const char* cell;
  ListFormat format;
  size_t position;
  const char* error;
};

const Bad kBad[] = {
    {"'a', 'b'", ListFormat::kListLiteral, 1, "expected '[' to open a list"},
    {"['a', 'b'", ListFormat::kListLiteral, 10, "expected ',' or ']' to close the list"},
    {"['a', 'b", ListFormat::kListLiteral, 7, "unterminated quote: expected a closing ' for the item opened here"},
    {"[\"Child's toy]", ListFormat::kListLiteral, 2,
     "unterminated quote: expected a closing \" for the item opened here"},
    {"['a' 'b']", ListFormat::kListLiteral, 6, "expected ',' or ']' after an item"},
    {"['a',, 'b']", ListFormat::kListLiteral, 6, "expected an item (a quoted string or a word)"},
    {"[,]", ListFormat::kListLiteral, 2, "expected an item (a quoted string or a word)"},
    {"['a'] x", ListFormat::kListLiteral, 7, "expected nothing after the ']' that closes the list"},
    {"['a',", ListFormat::kListLiteral, 6, "expected an item and ']' to close the list"},
    {"['\\u12']", ListFormat::kListLiteral, 3, "expected four hex digits after \\u"},
    {"['\\ud83d']", ListFormat::kListLiteral, 3, "expected \\u and a low surrogate after a high one"},
    {"['\\ude00']", ListFormat::kListLiteral, 3, "expected a high surrogate before a low one"},
    {"a;\"b;c", ListFormat::kDelimited, 3, "unterminated quote: expected a closing \" for the item opened here"},
    {"\"a\"x;b", ListFormat::kDelimited, 4, "expected the delimiter \";\" after a quoted item"},
};

TEST(ListCellTest, MalformedCellsAreErrorsWithAPosition) {
  for (const Bad& b : kBad) {
    const ListCell c = ParseListCell(b.cell, b.format, ";");
    EXPECT_EQ(c.error, b.error) << b.cell;
    EXPECT_EQ(c.position, b.position) << b.cell;
    EXPECT_TRUE(c.items.empty()) << b.cell;
  }
}

TEST(ListCellTest, FormatsSoThatParsingGivesTheItemsBack) {
  const V items = {"Theft of Property >= $5,000", "Child's \"toy\"", "", "a\\b", "x\ny;z"};
  EXPECT_EQ(FormatListCell(items, ListFormat::kListLiteral),
            "['Theft of Property >= $5,000', 'Child\\'s \"toy\"', '', 'a\\\\b', 'x\\ny;z']");
  EXPECT_EQ(FormatListCell(items, ListFormat::kDelimited, ";"),
            "\"Theft of Property >= $5,000\";\"Child's \"\"toy\"\"\";\"\";\"a\\b\";\"x\ny;z\"");
  for (ListFormat f : {ListFormat::kListLiteral, ListFormat::kDelimited}) {
    EXPECT_EQ(ParseListCell(FormatListCell(items, f), f).items, items);
    EXPECT_EQ(ParseListCell(FormatListCell({}, f), f).items, V{});
    EXPECT_EQ(ParseListCell(FormatListCell({""}, f), f).items, V{""});
  }
}

}  // namespace
}  // namespace clemency::import
