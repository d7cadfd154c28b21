/* batch.h — run one job per input over N worker processes, with a progress
 * bar on a terminal and a summary.  For the commands in src/cli/. */
#ifndef WSDOC_BATCH_H
#define WSDOC_BATCH_H

#include <stddef.h>

/* What a job reports. */
enum batch_result {
	BATCH_DONE = 0,		/* output written */
	BATCH_REFUSED = 1,	/* the input has errors: nothing written */
	BATCH_FAILED = 3	/* a system error */
};

/* Run job(i, arg) for i in [0, n) on `jobs` worker processes forked from
 * this one (so whatever was loaded before — stylesheets, fonts — is
 * shared), each job's diagnostics going to stderr as they come.  Shows a
 * progress bar on stderr when it is a terminal and n > 3.  SIGINT stops
 * the batch after the jobs under way (their files are whole: outputs are
 * written atomically).  Prints the summary line `what` (e.g. "排版")
 * when n > 1.  Returns the exit status: 0 if all done, 1 if some input
 * was refused, 3 if some job failed, 130 if interrupted. */
int	batch_run(size_t n, int jobs, enum batch_result (*job)(size_t i, void *arg),
	    void *arg, const char *what);

#endif
