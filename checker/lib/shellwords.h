/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Split the text of shell command lines (as make -n prints them) into
 * argv arrays without running a shell: quotes and backslashes are undone,
 * and unquoted ';', '&&', '||', '|' and newlines end a command. Nothing is
 * expanded; a command is only read, never run.
 */
#ifndef IOMMU_PGSIZE_SHELLWORDS_H
#define IOMMU_PGSIZE_SHELLWORDS_H

#include "lib/util.h"

/* Appends one struct vec (of char *) per command to @cmds. */
void shell_commands(const char *text, struct vec *cmds);
void shell_command_free(void *cmd);

#endif
