#ifndef BYLINE_CNCURSESW_SHIM_H
#define BYLINE_CNCURSESW_SHIM_H

// Wide-character ncurses: these must be defined before curses.h or wget_wch,
// mvwaddwstr, setcchar and wint_t are missing.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

extern int wcwidth(wchar_t);

// Swift 6 refuses C globals (shared mutable state) and cannot import the attribute
// macros: expose each through an inline function.
static inline WINDOW *byline_stdscr(void) { return stdscr; }
static inline int byline_lines(void) { return LINES; }
static inline int byline_cols(void) { return COLS; }
static inline int byline_colors(void) { return COLORS; }
static inline int byline_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t byline_a_normal(void) { return A_NORMAL; }
static inline attr_t byline_a_bold(void) { return A_BOLD; }
static inline attr_t byline_a_reverse(void) { return A_REVERSE; }
static inline attr_t byline_a_underline(void) { return A_UNDERLINE; }
static inline attr_t byline_a_dim(void) { return A_DIM; }
static inline attr_t byline_a_italic(void) { return A_ITALIC; }
static inline int byline_key_resize(void) { return KEY_RESIZE; }
static inline int byline_key_mouse(void) { return KEY_MOUSE; }
static inline mmask_t byline_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t byline_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t byline_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t byline_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t byline_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline chtype byline_color_pair(int n) { return COLOR_PAIR(n); }

#endif
