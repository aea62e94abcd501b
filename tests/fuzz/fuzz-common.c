#include "fuzz-common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "util.h"

struct classifier *fuzz_classifier(struct problems **out)
{
	static struct classifier *c;
	static struct problems problems;
	if (!c) {
		char dir[] = "/tmp/prepost-fuzz-XXXXXX";
		if (!mkdtemp(dir))
			abort();
		char *roster = xasprintf("%s/roster.csv", dir);
		FILE *f = fopen(roster, "w");
		if (!f)
			abort();
		fputs("Forename,Preferred name,Surname,Reg\nJack,,Turner,6B\nChloë,,Wiśniewski,6B\n"
		      "Samuel,Sam,Okafor,5A\nMia,,Chen,4C\nSeán,,O'Neill,6B\n", f);
		fclose(f);
		problems_init(&problems);
		struct config *cfg = config_defaults();
		config_add_roster(cfg, roster, ROLE_PUPIL);
		cfg->school_names.v = xmalloc(sizeof(char *));
		cfg->school_names.v[0] = xstrdup("Oakfield Primary School");
		cfg->school_names.n = 1;
		c = classifier_create(cfg, SOURCE_ROOT "/lexicons", &problems);
		config_destroy(cfg);
		unlink(roster);
		rmdir(dir);
		free(roster);
	}
	if (out)
		*out = &problems;
	return c;
}
