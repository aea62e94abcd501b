/* hunspell's functions, for morphology.c. Where the build knows the
 * library's file name (Linux), the library is opened only when first asked
 * for: it brings the C++ runtime with it, and mapping and starting that
 * cost about 0.6 ms on every start of the host, while a start whose
 * morphology cache knows every word (nearly all of them) never calls
 * hunspell. Elsewhere the functions are linked as usual. */
#ifndef PREPOST_HUNSPELL_API_H
#define PREPOST_HUNSPELL_API_H

#include <hunspell.h>

struct hunspell_api {
	Hunhandle *(*create)(const char *aff, const char *dic);
	void (*destroy)(Hunhandle *h);
	int (*spell)(Hunhandle *h, const char *word);
	int (*stem)(Hunhandle *h, char ***list, const char *word);
	void (*free_list)(Hunhandle *h, char ***list, int n);
};

/* The functions, loading the library on the first call (thread-safe); NULL
 * when it cannot be loaded, with *why (if why is not NULL) saying why. */
const struct hunspell_api *hunspell_api(const char **why);

/* The library's file name as opened, or "linked" when it is linked. */
const char *hunspell_library(void);

#endif
