#ifndef BYLINE_CNCURSESW_SHIM_H
#define BYLINE_CNCURSESW_SHIM_H

// Wide-character ncurses: these must be defined before curses.h or wget_wch,
// mvwaddwstr, setcchar and wint_t are missing.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

extern int wcwidth(wchar_t);

// Swift 6 refuses C globals (shared mutable state) and cannot import the attribute
// macros: expose each through an inline function.
static inline WINDOW *byline_stdscr(void) { return stdscr; }
static inline FILE *byline_stdin(void) { return stdin; }
static inline FILE *byline_stdout(void) { return stdout; }
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
static inline int byline_key_f(int n) { return KEY_F(n); }
static inline mmask_t byline_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t byline_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t byline_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t byline_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline chtype byline_color_pair(int n) { return COLOR_PAIR(n); }

// ---------------------------------------------------------------------------------------
// Restoring the terminal on every way out. Only BylineTerminal calls these (the static
// state below then exists once, in that module).
//
// Quit signals (SIGINT, SIGTERM, SIGHUP) only set a flag: the event loop sees it within one
// input timeout and leaves the normal way (endwin, saved positions). Crash signals (the
// traps Swift uses for runtime errors, and faults) cannot run endwin safely, so the handler
// does what is async-signal-safe: puts back the saved tty modes, writes the precomputed
// "leave the alternate screen, show the cursor, reset attributes, mouse off" bytes, restores
// the previous handler (Swift's backtracer, or the default) and re-raises.
// ---------------------------------------------------------------------------------------

// The state lives in a function-local static: Swift emits the inline functions it calls,
// but not file-scope static arrays and structs of an imported header.
struct byline_restore_state {
    volatile sig_atomic_t signal_received;
    int tty_fd;
    int tty_saved;
    struct termios saved_termios;
    char bytes[512];
    size_t length;
    struct sigaction previous[NSIG];
};

static inline struct byline_restore_state *byline_state(void) {
    static struct byline_restore_state state;
    return &state;
}

static const int byline_quit_signals[] = {SIGINT, SIGTERM, SIGHUP};
static const int byline_crash_signals[] = {SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE};
#define BYLINE_COUNT(array) (sizeof array / sizeof array[0])

static void byline_on_quit_signal(int sig) { byline_state()->signal_received = sig; }

static void byline_on_crash_signal(int sig) {
    struct byline_restore_state *state = byline_state();
    if (state->tty_saved) tcsetattr(state->tty_fd, TCSANOW, &state->saved_termios);
    if (state->length > 0) {
        ssize_t ignored = write(state->tty_fd, state->bytes, state->length);
        (void)ignored;
    }
    sigaction(sig, &state->previous[sig], NULL);
    raise(sig);
}

/// Saves the tty modes of `fd` (the shell's), and installs the handlers. Call before
/// newterm, so that ncurses leaves SIGINT and SIGTERM to us.
static inline void byline_install_signal_handlers(int fd) {
    struct byline_restore_state *state = byline_state();
    state->tty_fd = fd;
    state->tty_saved = tcgetattr(fd, &state->saved_termios) == 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = byline_on_quit_signal;
    for (size_t i = 0; i < BYLINE_COUNT(byline_quit_signals); i++)
        sigaction(byline_quit_signals[i], &action, &state->previous[byline_quit_signals[i]]);
    action.sa_handler = byline_on_crash_signal;
    for (size_t i = 0; i < BYLINE_COUNT(byline_crash_signals); i++)
        sigaction(byline_crash_signals[i], &action, &state->previous[byline_crash_signals[i]]);
}

static inline void byline_remove_signal_handlers(void) {
    struct byline_restore_state *state = byline_state();
    for (size_t i = 0; i < BYLINE_COUNT(byline_quit_signals); i++)
        sigaction(byline_quit_signals[i], &state->previous[byline_quit_signals[i]], NULL);
    for (size_t i = 0; i < BYLINE_COUNT(byline_crash_signals); i++)
        sigaction(byline_crash_signals[i], &state->previous[byline_crash_signals[i]], NULL);
}

/// The bytes the crash handler writes (computed from terminfo once the terminal is known).
static inline void byline_set_restore_bytes(const char *bytes, size_t length) {
    struct byline_restore_state *state = byline_state();
    if (length > sizeof state->bytes) length = sizeof state->bytes;
    memcpy(state->bytes, bytes, length);
    state->length = length;
}

/// The quit signal received since the last call, or 0.
static inline int byline_take_signal(void) {
    struct byline_restore_state *state = byline_state();
    int sig = state->signal_received;
    state->signal_received = 0;
    return sig;
}

/// A terminfo string capability, or NULL when the terminal lacks it.
static inline const char *byline_tigetstr(const char *name) {
    char *value = tigetstr(name);
    if (value == NULL || value == (char *)-1) return NULL;
    return value;
}

#endif
