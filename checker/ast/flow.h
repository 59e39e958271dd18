/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Path analysis inside one translation unit: does a function give the
 * domain it returns (or works on) its page sizes on every successful path?
 * Calls into functions defined in the same file are followed a few levels
 * deep; goto error paths and early returns are tracked per path.
 */
#ifndef IOMMU_PGSIZE_FLOW_H
#define IOMMU_PGSIZE_FLOW_H

#include <stdbool.h>
#include <clang-c/Index.h>

#include "lib/util.h"
#include "model/model.h"

#define FLOW_MAX_DEPTH 4

struct flow_result {
	bool all_set;		/* every successful return had the sizes */
	bool any_set;		/* some path stores them */
	bool has_unset;		/* a successful return without them: */
	CXCursor unset_return;	/* the first such return */
	char *setter;		/* functions that give them, comma-separated */
	/*
	 * Set by flow_analyse_assuming(): calls of functions defined in
	 * another translation unit, given a domain, count as stores; each
	 * is added here as "function:argument".
	 */
	struct vec *assumed;
};

/*
 * Analyse the definition @fn. Returns of NULL, ERR_PTR() and the address
 * of a static object (an identity or blocked domain) are not successful
 * returns of a paging domain.
 */
void flow_analyse(CXCursor fn, struct flow_result *res);
void flow_result_release(struct flow_result *res);

/*
 * The same, but a call of a function defined elsewhere with a pointer
 * through which a domain is reached (argument N) counts as a store, to be
 * confirmed by that function's summary; @assumed gets "function:N".
 */
void flow_analyse_assuming(CXCursor fn, struct flow_result *res,
			   struct vec *assumed);

/*
 * Does some path through @fn, or a function it calls in this file, assign
 * a domain's page sizes ("=", not "|=" which only adds to sizes the domain
 * must already have)? *setter gets the function that does.
 */
bool flow_reaches_store(CXCursor fn, char **setter);

/* The first such path: @fn, the functions it calls, the store. */
struct store_chain {
	CXCursor fn[FLOW_MAX_DEPTH + 1];
	CXCursor call[FLOW_MAX_DEPTH];	/* in fn[i], the call of fn[i + 1] */
	int depth;			/* of the storing function */
	CXCursor store;
};

bool flow_store_chain(CXCursor fn, struct store_chain *chain);

/*
 * Does the function @def make only domains that cannot map: it stores a
 * type without the paging bit, or domain ops that neither map nor
 * translate (map_pages, map, iova_to_phys), into them (and never domain
 * ops that do)?
 */
bool flow_allocates_non_paging(CXCursor def);

/*
 * Does @def store domain ops into a domain? If not, its domains get the
 * ops object's default_domain_ops from the core.
 */
bool flow_stores_domain_ops(CXCursor def);

/*
 * Do the domain ops @value names translate with the driver's own
 * iova_to_phys but have no map_pages (a domain that cannot map)?
 */
bool flow_domain_ops_translate_only(CXCursor value);

/* Does @value (&ops, say) name domain ops that map or translate? */
bool flow_domain_ops_map(CXCursor value);

/* The definition of the function a callback value or call names. */
CXCursor function_definition(CXCursor expr);

/*
 * The definition @call leads to if an analysis at call depth @depth may
 * follow it: defined in this file, @depth below FLOW_MAX_DEPTH, and not
 * @self (a null @self lets depth alone bound recursion). Else null.
 */
CXCursor flow_followable_callee(CXCursor call, CXCursor self, int depth);

#endif
