// SPDX-License-Identifier: GPL-2.0
/* series --verify's results: the patch x check table, and as JSON. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "series/verify.h"

#define NAME_WIDTH 46

static const char *cell(enum check_status s)
{
	return s == CHECK_PASS ? "ok" : s == CHECK_FAIL ? "FAIL" : "skip";
}

/* The same in verify.json's words. */
static const char *check_status_name(enum check_status s)
{
	return s == CHECK_PASS ? "pass" : s == CHECK_FAIL ? "fail" : "skip";
}

static void checkpatch_cell(char *buf, size_t size,
			    const struct verify_patch *p)
{
	if (p->checkpatch == CHECK_SKIP)
		snprintf(buf, size, "skip");
	else if (p->checkpatch == CHECK_PASS)
		snprintf(buf, size, "ok (%u checks)", p->checks);
	else
		snprintf(buf, size, "FAIL %uE %uW %uC", p->errors,
			 p->warnings, p->checks);
}

static void patch_rows(FILE *fp, size_t n, const struct verify_patch *p)
{
	char cp[40];
	size_t k;

	checkpatch_cell(cp, sizeof(cp), p);
	fprintf(fp, "%-3zu %-*.*s %-5s %-16s", n, NAME_WIDTH, NAME_WIDTH,
		p->name, cell(p->am), cp);
	if (!p->compiles.nr)
		fprintf(fp, " %s\n", p->am == CHECK_PASS ? "(no .c file)" :
			"skip");
	for (k = 0; k < p->compiles.nr; k++) {
		const struct verify_compile *c = p->compiles.items[k];

		if (k)
			fprintf(fp, "%*s", 3 + 1 + NAME_WIDTH + 1 + 5 + 1 + 16,
				"");
		fprintf(fp, " %-4s %s [%s]\n", cell(c->status), c->file,
			c->arch);
		if (c->why)
			fprintf(fp, "%*s%s\n", 8, "", c->why);
	}
	if (p->checkpatch_why && p->checkpatch != CHECK_SKIP)
		fprintf(fp, "%*scheckpatch: %s\n", 8, "", p->checkpatch_why);
}

/* Which files each architecture compiled, after which patch. */
static void arch_rows(FILE *fp, const struct verify_run *run)
{
	size_t i, n, k;

	fprintf(fp, "\narchitectures (allmodconfig, prepared once per run):\n");
	for (i = 0; i < run->arches.nr; i++) {
		const struct verify_arch *va = run->arches.items[i];
		unsigned int files = 0;

		fprintf(fp, "  %-7s", va->a->name);
		if (!va->tried)
			fprintf(fp, " not needed\n");
		else if (!va->config)
			fprintf(fp, " unavailable (no compiler or allmodconfig failed)\n");
		else if (!va->prepared)
			fprintf(fp, " configured in %.0f s, not prepared (builds none of the files)\n",
				va->config_secs);
		else
			fprintf(fp, " configured in %.0f s, prepared in %.0f s%s\n",
				va->config_secs, va->prepare_secs,
				va->failed ? " (FAILED)" : "");
		for (n = 0; n < run->patches.nr; n++) {
			const struct verify_patch *p = run->patches.items[n];

			for (k = 0; k < p->compiles.nr; k++) {
				const struct verify_compile *c =
					p->compiles.items[k];

				if (strcmp(c->arch, va->a->name))
					continue;
				fprintf(fp, "%s patch %zu: %s %s",
					!files ? "         " :
					files % 3 ? "," : ",\n         ",
					n + 1, c->file, cell(c->status));
				files++;
			}
		}
		if (files)
			fprintf(fp, "\n");
	}
}

void verify_write_table(FILE *fp, const struct verify_run *run)
{
	const struct verify_rescan *r = &run->rescan;
	size_t i;

	fprintf(fp, "series --verify: %zu patches applied to a pristine copy of %s\n\n",
		run->patches.nr, run->rq->tree->root);
	fprintf(fp, "%-3s %-*s %-5s %-16s %s\n", "#", NAME_WIDTH, "patch", "am",
		"checkpatch", "compile (file [arch])");
	for (i = 0; i < run->patches.nr; i++)
		patch_rows(fp, i + 1, run->patches.items[i]);
	if (run->patches.nr) {
		const struct verify_patch *p = run->patches.items[0];

		if (p->checkpatch == CHECK_SKIP)
			fprintf(fp, "checkpatch skipped: %s\n",
				p->checkpatch_why);
	}
	fprintf(fp, "\nrescan of the patched tree: %s (%u ops-pgsize uses, %u domain-init fallbacks, %u pgsize-format findings)\n",
		cell(r->status), r->ops_pgsize, r->domain_init,
		r->pgsize_format);
	for (i = 0; i < r->lines.nr; i++)
		fprintf(fp, "  %s\n", (char *)r->lines.items[i]);
	if (run->rq->tree->kernel)
		fprintf(fp, "\nexternal module: compiled with make -C %s M=<copy> on %s (the first architecture that builds it unpatched)\n",
			run->rq->tree->kernel->root, run->module_arch ?
			run->module_arch->a->name : "none");
	else if (run->rq->tree->kbuild)
		arch_rows(fp, run);
	fprintf(fp, "\nverify: %s in %.0f s\n",
		run->ok ? "every check passed" : "FAILED", run->seconds);
}

static json_t *patch_json(const struct verify_patch *p)
{
	json_t *compiles = json_array();
	size_t k;

	for (k = 0; k < p->compiles.nr; k++) {
		const struct verify_compile *c = p->compiles.items[k];

		json_array_append_new(compiles, json_pack("{s:s, s:s, s:s, s:s*}",
			"file", c->file, "arch", c->arch,
			"status", check_status_name(c->status),
			"why", c->why));
	}
	return json_pack("{s:s, s:s, s:s, s:{s:s, s:i, s:i, s:i, s:s*}, s:o}",
			 "name", p->name, "path", p->path,
			 "am", check_status_name(p->am),
			 "checkpatch", "status", check_status_name(p->checkpatch),
			 "errors", (int)p->errors, "warnings", (int)p->warnings,
			 "checks", (int)p->checks, "why", p->checkpatch_why,
			 "compile", compiles);
}

int verify_write_json(const char *path, const struct verify_run *run)
{
	const struct verify_rescan *r = &run->rescan;
	json_t *root, *patches = json_array(), *arches = json_array();
	json_t *lines = json_array();
	size_t i;
	int ret;

	for (i = 0; i < run->patches.nr; i++)
		json_array_append_new(patches, patch_json(run->patches.items[i]));
	for (i = 0; i < run->arches.nr; i++) {
		const struct verify_arch *va = run->arches.items[i];

		json_array_append_new(arches, json_pack("{s:s, s:b, s:b, s:f, s:f}",
			"name", va->a->name, "configured", va->config != NULL,
			"prepared", va->prepared,
			"config_seconds", va->config_secs,
			"prepare_seconds", va->prepare_secs));
	}
	for (i = 0; i < r->lines.nr; i++)
		json_array_append_new(lines, json_string(r->lines.items[i]));
	root = json_pack("{s:s, s:s, s:b, s:f, s:o, s:o, s:{s:s, s:i, s:i, s:i, s:o}}",
			 "schema", "iommu-pgsize/verify", "tree",
			 run->rq->tree->root, "ok", run->ok,
			 "seconds", run->seconds, "patches", patches,
			 "architectures", arches, "rescan",
			 "status", check_status_name(r->status),
			 "ops_pgsize", (int)r->ops_pgsize,
			 "domain_init", (int)r->domain_init,
			 "pgsize_format", (int)r->pgsize_format,
			 "findings", lines);
	ret = root ? json_dump_file(root, path, JSON_INDENT(2)) : -1;
	if (ret)
		error("cannot write %s", path);
	json_decref(root);
	return ret ? -1 : 0;
}
