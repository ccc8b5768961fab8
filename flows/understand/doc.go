// Package understand turns a resident's free text into meaning: crisis signals, need areas, places, scores and ages. Pure functions, no I/O.
//
// Everything here works on short SMS/Telegram messages written in English or
// Polish, often with typos, text-speak and missing diacritics. The parsers share
// one normaliser (Normalize) so that a phrase pattern written once in plain
// ASCII matches "I’m", "im" and "I am", or "chcę" and "chce", alike.
//
// All package-level state (regular expressions, lookup tables) is built once at
// init and only read afterwards, so every function is safe for concurrent use.
package understand
