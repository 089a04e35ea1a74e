#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
/* SwiftPM drops pkg-config's -D flags, so the wide-character API must be switched on here,
   before curses.h, or get_wch / mvaddwstr / cchar_t are invisible to Swift. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Macros and mutable globals that Swift 6 cannot import, as functions. */
static inline WINDOW *nc_stdscr(void)          { return stdscr; }
static inline int     nc_lines(void)           { return LINES; }
static inline int     nc_cols(void)            { return COLS; }
static inline attr_t  nc_color_pair(short n)   { return (attr_t)COLOR_PAIR(n); }
static inline attr_t  nc_a_reverse(void)       { return A_REVERSE; }
static inline attr_t  nc_a_bold(void)          { return A_BOLD; }
static inline attr_t  nc_a_underline(void)     { return A_UNDERLINE; }
static inline attr_t  nc_a_dim(void)           { return A_DIM; }
static inline int     nc_key_f(int n)          { return KEY_F(n); }
static inline void    nc_getmaxyx(WINDOW *w, int *y, int *x) { getmaxyx(w, *y, *x); }
static inline int     nc_attr_set(WINDOW *w, attr_t a, short pair) { return wattr_set(w, a, pair, NULL); }
/* Additions for the HoSoTerminal driver. */
static inline int     nc_set_escdelay(int ms)  { return set_escdelay(ms); }
static inline attr_t  nc_a_normal(void)        { return A_NORMAL; }
static inline mmask_t nc_mouse_clicks(void) {
    return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON2_CLICKED | BUTTON2_PRESSED
         | BUTTON3_CLICKED | BUTTON3_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline int     nc_mouse_is_left(mmask_t s)    { return (s & (BUTTON1_CLICKED | BUTTON1_PRESSED)) != 0; }
static inline int     nc_mouse_is_middle(mmask_t s)  { return (s & (BUTTON2_CLICKED | BUTTON2_PRESSED)) != 0; }
static inline int     nc_mouse_is_right(mmask_t s)   { return (s & (BUTTON3_CLICKED | BUTTON3_PRESSED)) != 0; }
static inline int     nc_mouse_is_wheel_up(mmask_t s)   { return (s & BUTTON4_PRESSED) != 0; }
static inline int     nc_mouse_is_wheel_down(mmask_t s) { return (s & BUTTON5_PRESSED) != 0; }
/* The codeset of the current C locale, e.g. "UTF-8" (CODESET imports with the wrong type). */
static inline const char *nc_codeset(void)    { return nl_langinfo(CODESET); }
#endif
