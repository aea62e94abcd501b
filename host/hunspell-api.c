#include "hunspell-api.h"

#include <stddef.h>

#ifdef PREPOST_HUNSPELL_SONAME
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

static struct hunspell_api api;
static const struct hunspell_api *loaded;
static char error[256];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* dlsym returns an object pointer; POSIX guarantees it converts to a
 * function pointer, and this is the way it sanctions. */
#define FIND(field, name)                                                                          \
	do {                                                                                       \
		void *sym = dlsym(lib, name);                                                      \
		if (!sym) {                                                                        \
			snprintf(error, sizeof(error), "%s has no %s", PREPOST_HUNSPELL_SONAME,    \
				 name);                                                            \
			return;                                                                    \
		}                                                                                  \
		*(void **)(&api.field) = sym;                                                      \
	} while (0)

static void load(void)
{
	void *lib = dlopen(PREPOST_HUNSPELL_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		const char *e = dlerror();
		snprintf(error, sizeof(error), "%s cannot be loaded: %s", PREPOST_HUNSPELL_SONAME,
			 e ? e : "unknown error");
		return;
	}
	FIND(create, "Hunspell_create");
	FIND(destroy, "Hunspell_destroy");
	FIND(spell, "Hunspell_spell");
	FIND(stem, "Hunspell_stem");
	FIND(free_list, "Hunspell_free_list");
	loaded = &api; /* the library stays loaded until the process ends */
}

const struct hunspell_api *hunspell_api(const char **why)
{
	pthread_once(&once, load);
	if (!loaded && why)
		*why = error;
	return loaded;
}

const char *hunspell_library(void)
{
	return PREPOST_HUNSPELL_SONAME;
}

#else

static const struct hunspell_api api = {
	Hunspell_create, Hunspell_destroy, Hunspell_spell, Hunspell_stem, Hunspell_free_list,
};

const struct hunspell_api *hunspell_api(const char **why)
{
	(void)why;
	return &api;
}

const char *hunspell_library(void)
{
	return "linked";
}

#endif
