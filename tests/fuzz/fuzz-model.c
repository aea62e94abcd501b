#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A model file of any bytes, and if it loads, a reading of a few texts. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const texts[] = {
		"", "school", "A boy in my class told me something. Passed it on",
		"12 kids, 3 staff and 1 minibus: trip day!", "été über Ñandú 2024 x y z",
	};
	struct problems p;
	problems_init(&p);
	struct word_model *m = word_model_parse("fuzz.model", (const char *)data, size, &p);
	if (m) {
		struct tokens t;
		tokens_init(&t);
		uint8_t marks[MODEL_MAX_TOKENS] = {0, MODEL_TAKEN, MODEL_IGNORED, MODEL_TAKEN,
						   MODEL_TAKEN | MODEL_IGNORED};
		for (size_t i = 0; i < sizeof(texts) / sizeof(*texts); i++) {
			struct word_model_reading r[MODEL_MAX_CATEGORIES];
			text_tokenize(&t, texts[i], strlen(texts[i]));
			word_model_read(m, &t, i & 1 ? marks : NULL, r);
			for (size_t k = 0; k < word_model_category_count(m); k++)
				word_model_explain(m, &t, i & 1 ? marks : NULL, k, &r[k]);
			for (size_t k = 0; k < word_model_category_count(m); k++)
				/* a span inside the text; an @alone threshold in
				 * (0, 1], or none (above 1) */
				if ((r[k].first <= r[k].last && r[k].last >= t.count) ||
				    !(r[k].alone > 0) ||
				    (r[k].alone <= 1 && !word_model_reads_alone(m)))
					abort();
		}
		tokens_finish(&t);
	}
	word_model_destroy(m);
	problems_finish(&p);
	return 0;
}
