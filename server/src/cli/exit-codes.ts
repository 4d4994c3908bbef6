// The process exit codes, as documented in --help. 2 wins over 1: a path that
// could not be read means the verdict on the whole run is incomplete.

export const EXIT_OK = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_TROUBLE = 2;
