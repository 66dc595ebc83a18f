"""The word tokenizer of imdb-sentiment, written so that .NET's Regex and string methods reproduce it exactly.

Every step uses ordinal (code-unit) operations only: ASCII-only lower-casing, literal string replacement and a
regular expression built from explicit character ranges. The pattern text is valid, with the same meaning, in
Python's re module and in .NET's System.Text.RegularExpressions (without RegexOptions.IgnoreCase or
RegexOptions.ECMAScript).
"""

import re

PAD_ID = 0
UNKNOWN_ID = 1
PAD_TOKEN = "<pad>"
UNKNOWN_TOKEN = "<unk>"
MAX_TOKENS = 1000

# Latin letters with diacritics (U+00C0-U+024F without the multiplication and division signs) count as
# letters, so words like "cliché" and "führer" stay whole.
_LATIN_LETTERS = "\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f"
_WORD_CHARACTERS = "a-z0-9" + _LATIN_LETTERS

# First alternative: a word, which may contain ASCII apostrophes between letters ("don't", "o'brien's").
# Second alternative: a run of other non-ASCII characters (curly quotes, dashes, C1 controls, emoji, other
# scripts), kept as one token so that it can still carry meaning. ASCII characters other than a-z and 0-9
# separate tokens and are dropped.
TOKEN_PATTERN = ("[" + _WORD_CHARACTERS + "]+(?:'[" + _WORD_CHARACTERS + "]+)*"
                 "|[^\\x00-\\x7f" + _LATIN_LETTERS + "]+")
_TOKEN_REGEX = re.compile(TOKEN_PATTERN)

LINE_BREAK_REPLACEMENTS = ("<br />", "<br/>", "<br>")
_ASCII_LOWERCASE = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}

# Python's str.splitlines treats these as line ends, so no vocabulary entry may contain them; a token that
# contains one maps to <unk>. The tokenizer never emits \r or \n.
VOCABULARY_FORBIDDEN_CHARACTERS = ("\x85", "\u2028", "\u2029")


def tokenize(text):
    """Split a review into tokens: ASCII lower-casing, <br /> tags to spaces, then TOKEN_PATTERN matches."""
    lowered = text.translate(_ASCII_LOWERCASE)
    for tag in LINE_BREAK_REPLACEMENTS:
        lowered = lowered.replace(tag, " ")
    return _TOKEN_REGEX.findall(lowered)


def encode(tokens, vocabulary):
    """Map tokens to ids, keep the first MAX_TOKENS, and return [PAD_ID] for an empty list."""
    ids = [vocabulary.get(token, UNKNOWN_ID) for token in tokens[:MAX_TOKENS]]
    return ids if ids else [PAD_ID]


def is_storable(token):
    return not any(character in token for character in VOCABULARY_FORBIDDEN_CHARACTERS)


def preprocessing_description(vocabulary_size, vocabulary_sha256):
    """Return the machine-readable preprocessing section of the model card."""
    return {
        "kind": "wordTokenIds",
        "steps": [
            {"op": "asciiLowercase",
             "description": "map each character A-Z (U+0041-U+005A) to a-z; leave every other character as it is "
                            "(no Unicode case mapping, no normalisation, no trimming)"},
            *({"op": "replace", "old": tag, "new": " ",
               "description": "ordinal, case-sensitive, all occurrences, applied after lower-casing"}
              for tag in LINE_BREAK_REPLACEMENTS),
            {"op": "regexMatches", "pattern": TOKEN_PATTERN,
             "description": "every non-overlapping match, left to right, is a token (Python re.findall, .NET "
                            "Regex.Matches without IgnoreCase or ECMAScript options). .NET matches UTF-16 code "
                            "units, but both halves of a surrogate pair fall in the second alternative, so an "
                            "emoji or other character above U+FFFF ends up in the same token as in Python"},
            {"op": "lookup", "vocabulary": "vocab.txt", "unknownId": UNKNOWN_ID,
             "description": "ordinal string comparison; a token missing from vocab.txt becomes 1 (<unk>)"},
            {"op": "truncate", "maxTokens": MAX_TOKENS, "keep": "first",
             "description": f"keep the first {MAX_TOKENS} ids and drop the rest (the end of a long review is cut)"},
            {"op": "emptyToPad", "ids": [PAD_ID],
             "description": "a text without tokens becomes the single id 0; the model then returns sigmoid(bias)"},
        ],
        "nonAscii": "Latin letters U+00C0-U+024F (except U+00D7 and U+00F7) are word characters and keep their "
                    "case. Any other non-ASCII character, C1 control characters U+0080-U+009F included, joins a "
                    "run of such characters that forms its own token.",
        "vocabulary": {
            "file": "vocab.txt",
            "encoding": "UTF-8 without byte order mark",
            "lineSeparator": "\n",
            "format": "one token per line; line k (counting from 0) holds the token with id k",
            "size": vocabulary_size,
            "padId": PAD_ID,
            "padToken": PAD_TOKEN,
            "unknownId": UNKNOWN_ID,
            "unknownToken": UNKNOWN_TOKEN,
            "excludedCharacters": "no token contains U+0085, U+2028 or U+2029, so any line reader splits the file "
                                  "the same way",
            "sha256": vocabulary_sha256,
        },
        "maxTokens": MAX_TOKENS,
        "truncation": "keep the first maxTokens ids",
        "batching": "right-pad shorter rows with 0; the model ignores id 0 and every bigram or trigram that "
                    "includes a 0",
    }
