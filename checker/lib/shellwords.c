// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "lib/shellwords.h"

static void end_word(struct strbuf *word, bool *in_word, struct vec *cmd)
{
	if (!*in_word)
		return;
	vec_push(cmd, strbuf_detach(word));
	*in_word = false;
}

static void end_command(struct vec *cmd, struct vec *cmds)
{
	struct vec *done;

	if (!cmd->nr)
		return;
	done = xcalloc(1, sizeof(*done));
	*done = *cmd;
	memset(cmd, 0, sizeof(*cmd));
	vec_push(cmds, done);
}

/* A quoted string from @p (at its opening quote); returns past its end. */
static const char *quoted(const char *p, struct strbuf *word)
{
	char q = *p++;

	while (*p && *p != q) {
		/* In "", a backslash escapes only these. */
		if (q == '"' && *p == '\\' && p[1] && strchr("\"\\$`\n", p[1]))
			p++;
		strbuf_add(word, p++, 1);
	}
	return *p ? p + 1 : p;
}

void shell_commands(const char *text, struct vec *cmds)
{
	struct strbuf word = { 0 };
	struct vec cmd = { 0 };
	bool in_word = false;
	const char *p = text;

	while (*p) {
		if (*p == ' ' || *p == '\t') {
			end_word(&word, &in_word, &cmd);
			p++;
		} else if (*p == '\\' && p[1] == '\n') {
			p += 2;		/* a continued line */
		} else if (strchr(";&|\n", *p)) {
			end_word(&word, &in_word, &cmd);
			end_command(&cmd, cmds);
			p++;
		} else if (*p == '#' && !in_word) {
			p += strcspn(p, "\n");
		} else if (*p == '\'' || *p == '"') {
			if (!in_word)
				strbuf_addstr(&word, "");
			in_word = true;
			p = quoted(p, &word);
		} else {
			if (*p == '\\' && p[1])
				p++;
			strbuf_add(&word, p++, 1);
			in_word = true;
		}
	}
	end_word(&word, &in_word, &cmd);
	end_command(&cmd, cmds);
	strbuf_release(&word);
}

void shell_command_free(void *cmd)
{
	vec_free(cmd, free);
	free(cmd);
}
