/*
 * Runs a fuzz target over files without libFuzzer, so that every build
 * (plain, sanitizers, valgrind) replays the regression corpus and the
 * seeds.  Each argument is a file or a directory of files; the replayer
 * fails if one cannot be read.  A crash, sanitizer report or leak fails
 * the test that runs it.
 *
 *   replay FILE|DIR...
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0, n;
	int rc = 1;

	if (f == NULL) {
		perror(path);
		return 1;
	}
	for (;;) {
		if (cap - len < 65536) {
			unsigned char *nbuf;

			cap = cap ? cap * 2 : 65536;
			if ((nbuf = realloc(buf, cap)) == NULL)
				goto done;
			buf = nbuf;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		perror(path);
		goto done;
	}
	LLVMFuzzerTestOneInput(buf, len);
	rc = 0;
done:
	free(buf);
	fclose(f);
	return rc;
}

int
main(int argc, char **argv)
{
	int i, failed = 0, count = 0;

	for (i = 1; i < argc; i++) {
		struct stat st;
		struct dirent **list;
		int n, j;

		if (stat(argv[i], &st) != 0) {
			perror(argv[i]);
			return 1;
		}
		if (!S_ISDIR(st.st_mode)) {
			failed |= run_file(argv[i]);
			count++;
			continue;
		}
		if ((n = scandir(argv[i], &list, NULL, alphasort)) < 0) {
			perror(argv[i]);
			return 1;
		}
		for (j = 0; j < n; j++) {
			char path[4096];

			if (list[j]->d_name[0] != '.') {
				snprintf(path, sizeof(path), "%s/%s", argv[i],
				    list[j]->d_name);
				failed |= run_file(path);
				count++;
			}
			free(list[j]);
		}
		free(list);
	}
	printf("replayed %d inputs\n", count);
	return failed;
}
