/*
 * reference — the C reference scan of issue 15: what a plain C program does with PCRE2 on this project's kind of
 * workload, to compare the full pipeline against (Benchmarks/FactCheckBenchmark runs it as method (r)).
 *
 * It reads 48 claim rules (rules.txt: employee counts, money, percentages, dates; English and French) and scans
 * every article (one file = one article; a directory is walked recursively) with each rule separately, the way
 * ../shared/design/PERFORMANCE.md describes its fastest method:
 *   - PCRE2 with JIT, UTF mode, no PCRE2_UCP: explicit classes ([0-9], [ \x{A0}\x{202F}]), ASCII \b;
 *   - UTF-8 validated once per article, then every match call with PCRE2_NO_UTF_CHECK;
 *   - per rule, the faster of a plain scan (every match over the whole article) and a required-literal prefilter
 *     (memchr/memmem of the rule's literals in an ASCII-lowercased copy of the article; each line holding a hit
 *     is then matched, the rest of the article skipped), chosen by timing both on the first files of the corpus
 *     (CPU time, best of 3) before the timed run.
 * Rules never match across a line break, so the prefilter finds exactly the plain scan's matches; the
 * calibration checks that on its sample, and --check on the whole corpus.
 *
 * Build: cc -O2 -o reference reference.c -lpcre2-8      (make bench does it: .build-bench/reference)
 * Usage: reference [--rules FILE] [--mode auto|plain|prefilter] [--calibrate BYTES] [--json] [--check] PATH...
 * Prints MB/s (10^6 bytes per wall second of the timed part: reading, validating, folding, matching) and match
 * counts, per rule too; --json prints the same as one JSON object (what the benchmark reads).
 */
#define _GNU_SOURCE
#define PCRE2_CODE_UNIT_WIDTH 8
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_LITERALS 16

typedef struct {
  char *id;
  char *language;
  int caseless;
  char *source;  /* the pattern as written, placeholders {NAME} expanded */
  int literals[MAX_LITERALS]; /* indices into `literals` (shared by the rules that name the same one) */
  int literal_count;
  pcre2_code *code;
  pcre2_match_data *match_data;
  int jit;
  int prefilter;  /* 1: literal prefilter, 0: plain scan */
  double calibration_plain, calibration_prefilter;
  size_t matches;
} Rule;

typedef struct {
  char *name;
  char *value;
} Define;

/* A literal some rule requires. Its occurrences in an article are found once, for every rule naming it. */
typedef struct {
  unsigned char *text;
  size_t length;
  size_t rare; /* where its rarest byte is (by the calibration sample's byte counts): memchr looks for that */
  size_t *hits, hit_count, hit_capacity;
  unsigned generation; /* hits are those of the article of this generation */
} Literal;

static Literal *literals;
static int literal_total, literal_capacity;
static unsigned article_generation = 1;

static int literal_index(const char *text);

static Rule *rules;
static int rule_count, rule_capacity;
static Define *defines;
static int define_count, define_capacity;
static pcre2_match_context *match_context;
static size_t match_errors;

static void die(const char *format, const char *detail) {
  fprintf(stderr, "reference: ");
  fprintf(stderr, format, detail);
  fprintf(stderr, "\n");
  exit(2);
}

static void *checked(void *pointer) {
  if (!pointer) die("%s", "out of memory");
  return pointer;
}

static double clock_seconds(clockid_t clock) {
  struct timespec spec;
  clock_gettime(clock, &spec);
  return (double)spec.tv_sec + (double)spec.tv_nsec / 1e9;
}

/* ---- Rules file ------------------------------------------------------------------------------------------ */

static char *trim(char *text) {
  while (*text == ' ' || *text == '\t') text++;
  size_t length = strlen(text);
  while (length > 0 && (text[length - 1] == ' ' || text[length - 1] == '\t' || text[length - 1] == '\r')) text[--length] = 0;
  return text;
}

static char *append(char *text, const char *more) {
  size_t length = text ? strlen(text) : 0;
  text = checked(realloc(text, length + strlen(more) + 1));
  strcpy(text + length, more);
  return text;
}

/* Replaces {NAME} (NAME: capitals, digits, _) by its definition, until none is left; {0,3}, \p{L} and \x{A0} stay. */
static char *expand(const char *pattern, const char *rule) {
  char *text = checked(strdup(pattern));
  for (int depth = 0; depth < 16; depth++) {
    char *out = checked(strdup(""));
    int replaced = 0;
    const char *p = text;
    while (*p) {
      /* \p{L}, \x{A0}, \g{1}: an escape's braces, not a placeholder. */
      int property = p - text >= 2 && p[-2] == '\\' && ((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= 'A' && p[-1] <= 'Z'));
      if (*p == '{' && p[1] >= 'A' && p[1] <= 'Z' && !property) {
        const char *end = p + 1;
        while ((*end >= 'A' && *end <= 'Z') || (*end >= '0' && *end <= '9') || *end == '_') end++;
        if (*end == '}') {
          int found = -1;
          for (int i = 0; i < define_count; i++) {
            if ((size_t)(end - p - 1) == strlen(defines[i].name) && strncmp(p + 1, defines[i].name, end - p - 1) == 0) found = i;
          }
          if (found < 0) {
            fprintf(stderr, "reference: undefined placeholder {%.*s} in rule %s\n", (int)(end - p - 1), p + 1, rule);
            exit(2);
          }
          out = append(out, defines[found].value);
          replaced = 1;
          p = end + 1;
          continue;
        }
      }
      char one[2] = {*p++, 0};
      out = append(out, one);
    }
    free(text);
    text = out;
    if (!replaced) return text;
  }
  die("placeholders nested too deep in rule %s", rule);
  return NULL;
}

static void read_rules(const char *path) {
  FILE *file = fopen(path, "r");
  if (!file) die("cannot read the rules file %s", path);
  char line[65536];
  Rule *rule = NULL;
  char **continued = NULL; /* the value that indented lines continue */
  while (fgets(line, sizeof line, file)) {
    line[strcspn(line, "\n")] = 0;
    if (line[0] == '#') continue;
    if ((line[0] == ' ' || line[0] == '\t') && continued) {
      char *more = trim(line);
      if (*more) *continued = append(*continued, more);
      continue;
    }
    continued = NULL;
    char *text = trim(line);
    if (!*text) continue;
    char *space = strpbrk(text, " \t");
    char *value = space ? trim(space + 1) : (char *)"";
    if (space) *space = 0;
    if (strcmp(text, "define") == 0) {
      char *name = value, *body = strpbrk(value, " \t");
      if (!body) die("a define needs a name and a value: %s", value);
      *body = 0;
      if (define_count == define_capacity) {
        define_capacity = define_capacity ? 2 * define_capacity : 32;
        defines = checked(realloc(defines, define_capacity * sizeof *defines));
      }
      defines[define_count].name = checked(strdup(name));
      defines[define_count].value = checked(strdup(trim(body + 1)));
      continued = &defines[define_count].value;
      define_count++;
    } else if (strcmp(text, "rule") == 0) {
      if (rule_count == rule_capacity) {
        rule_capacity = rule_capacity ? 2 * rule_capacity : 64;
        rules = checked(realloc(rules, rule_capacity * sizeof *rules));
      }
      rule = &rules[rule_count++];
      memset(rule, 0, sizeof *rule);
      rule->id = checked(strdup(value));
      rule->language = checked(strdup("?"));
    } else if (!rule) {
      die("a rule's field before any rule: %s", text);
    } else if (strcmp(text, "language") == 0) {
      free(rule->language);
      rule->language = checked(strdup(value));
    } else if (strcmp(text, "caseless") == 0) {
      rule->caseless = strcmp(value, "no") != 0;
    } else if (strcmp(text, "literals") == 0) {
      /* Alternatives separated by |: the rule cannot match without one of them (ASCII letters in lower case). */
      char *saveptr = NULL;
      for (char *literal = strtok_r(value, "|", &saveptr); literal; literal = strtok_r(NULL, "|", &saveptr)) {
        if (rule->literal_count == MAX_LITERALS) die("too many literals in rule %s", rule->id);
        for (char *c = literal; *c; c++) {
          if (*c >= 'A' && *c <= 'Z') die("literals are written in lower case (rule %s)", rule->id);
        }
        rule->literals[rule->literal_count++] = literal_index(literal);
      }
    } else if (strcmp(text, "pattern") == 0) {
      rule->source = checked(strdup(value));
      continued = &rule->source;
    } else {
      die("unknown field: %s", text);
    }
  }
  fclose(file);
  if (rule_count == 0) die("no rules in %s", path);
}

static double compile_rules(void) {
  double start = clock_seconds(CLOCK_MONOTONIC);
  for (int i = 0; i < rule_count; i++) {
    Rule *rule = &rules[i];
    if (!rule->source) die("rule %s has no pattern", rule->id);
    char *expanded = expand(rule->source, rule->id);
    free(rule->source);
    rule->source = expanded;
    int error;
    PCRE2_SIZE offset;
    uint32_t options = PCRE2_UTF | (rule->caseless ? PCRE2_CASELESS : 0);
    rule->code = pcre2_compile((PCRE2_SPTR)rule->source, PCRE2_ZERO_TERMINATED, options, &error, &offset, NULL);
    if (!rule->code) {
      PCRE2_UCHAR message[256];
      pcre2_get_error_message(error, message, sizeof message);
      fprintf(stderr, "reference: rule %s does not compile at offset %zu: %s\n", rule->id, (size_t)offset, message);
      exit(2);
    }
    rule->jit = pcre2_jit_compile(rule->code, PCRE2_JIT_COMPLETE) == 0;
    rule->match_data = checked(pcre2_match_data_create_from_pattern(rule->code, NULL));
  }
  match_context = checked(pcre2_match_context_create(NULL));
  pcre2_jit_stack *stack = checked(pcre2_jit_stack_create(32 * 1024, 4 * 1024 * 1024, NULL));
  pcre2_jit_stack_assign(match_context, NULL, stack);
  return clock_seconds(CLOCK_MONOTONIC) - start;
}

/* ---- Matching -------------------------------------------------------------------------------------------- */

/* Every match of the rule starting in [start, end) of the article, counted; subject ends at `end`. */
static size_t scan_range(Rule *rule, const unsigned char *subject, size_t start, size_t end) {
  size_t count = 0, offset = start;
  while (offset < end) {
    int status = pcre2_match(rule->code, subject, end, offset, PCRE2_NO_UTF_CHECK, rule->match_data, match_context);
    if (status < 0) {
      if (status != PCRE2_ERROR_NOMATCH) match_errors++;
      break;
    }
    PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(rule->match_data);
    count++;
    if (ovector[1] > ovector[0]) {
      offset = ovector[1];
    } else {
      offset = ovector[1] + 1;
      while (offset < end && (subject[offset] & 0xC0) == 0x80) offset++;
    }
  }
  return count;
}

static int literal_index(const char *text) {
  for (int i = 0; i < literal_total; i++) {
    if (strcmp((const char *)literals[i].text, text) == 0) return i;
  }
  if (literal_total == literal_capacity) {
    literal_capacity = literal_capacity ? 2 * literal_capacity : 64;
    literals = checked(realloc(literals, literal_capacity * sizeof *literals));
  }
  Literal *literal = &literals[literal_total];
  memset(literal, 0, sizeof *literal);
  literal->text = (unsigned char *)checked(strdup(text));
  literal->length = strlen(text);
  return literal_total++;
}

/* Every occurrence of a literal in the article (of the current generation): memchr for its rarest byte, then the
 * rest compared; found once per article, on first use. */
static const Literal *literal_hits(int index, const unsigned char *folded, size_t length) {
  Literal *literal = &literals[index];
  if (literal->generation == article_generation) return literal;
  literal->generation = article_generation;
  literal->hit_count = 0;
  const unsigned char *text = literal->text;
  size_t size = literal->length, rare = literal->rare, from = 0;
  while (from + size <= length) {
    const unsigned char *hit = memchr(folded + from + rare, text[rare], length - from - size + 1);
    if (!hit) break;
    size_t start = (size_t)(hit - folded) - rare, j = 0;
    while (j < size && folded[start + j] == text[j]) j++;
    if (j == size) {
      if (literal->hit_count == literal->hit_capacity) {
        literal->hit_capacity = literal->hit_capacity ? 2 * literal->hit_capacity : 64;
        literal->hits = checked(realloc(literal->hits, literal->hit_capacity * sizeof *literal->hits));
      }
      literal->hits[literal->hit_count++] = start;
    }
    from = start + 1;
  }
  return literal;
}

/* The prefilter: the next hit of any literal, then the whole line around it matched, then on after that line. */
static size_t scan_prefiltered(Rule *rule, const unsigned char *subject, const unsigned char *folded, size_t length) {
  const Literal *found[MAX_LITERALS];
  size_t cursor[MAX_LITERALS];
  for (int i = 0; i < rule->literal_count; i++) {
    found[i] = literal_hits(rule->literals[i], folded, length);
    cursor[i] = 0;
  }
  size_t count = 0, position = 0;
  for (;;) {
    size_t hit = SIZE_MAX;
    for (int i = 0; i < rule->literal_count; i++) {
      if (cursor[i] < found[i]->hit_count && found[i]->hits[cursor[i]] < hit) hit = found[i]->hits[cursor[i]];
    }
    if (hit == SIZE_MAX) break;
    const unsigned char *before = hit > position ? memrchr(subject + position, '\n', hit - position) : NULL;
    size_t line_start = before ? (size_t)(before - subject) + 1 : position;
    const unsigned char *after = memchr(subject + hit, '\n', length - hit);
    size_t line_end = after ? (size_t)(after - subject) : length;
    count += scan_range(rule, subject, line_start, line_end);
    position = line_end + 1;
    if (position >= length) break;
    for (int i = 0; i < rule->literal_count; i++) {
      while (cursor[i] < found[i]->hit_count && found[i]->hits[cursor[i]] < position) cursor[i]++;
    }
  }
  return count;
}

static size_t scan_rule(Rule *rule, int prefilter, const unsigned char *subject, const unsigned char *folded, size_t length) {
  return prefilter ? scan_prefiltered(rule, subject, folded, length) : scan_range(rule, subject, 0, length);
}

/* ---- Articles -------------------------------------------------------------------------------------------- */

static int valid_utf8(const unsigned char *s, size_t length) {
  size_t i = 0;
  while (i < length) {
    if (i + 8 <= length) {
      uint64_t word;
      memcpy(&word, s + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = s[i];
    if (c < 0x80) {
      i++;
    } else if (c >= 0xC2 && c <= 0xDF) {
      if (i + 1 >= length || (s[i + 1] & 0xC0) != 0x80) return 0;
      i += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (i + 2 >= length || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80) return 0;
      if (c == 0xE0 && s[i + 1] < 0xA0) return 0;              /* overlong */
      if (c == 0xED && s[i + 1] >= 0xA0) return 0;             /* surrogates */
      i += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (i + 3 >= length || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 || (s[i + 3] & 0xC0) != 0x80) return 0;
      if (c == 0xF0 && s[i + 1] < 0x90) return 0;
      if (c == 0xF4 && s[i + 1] >= 0x90) return 0;
      i += 4;
    } else {
      return 0;
    }
  }
  return 1;
}

static unsigned char fold_table[256];

static void fold(const unsigned char *in, unsigned char *out, size_t length) {
  for (size_t i = 0; i < length; i++) out[i] = fold_table[in[i]];
}

typedef struct {
  unsigned char *bytes, *folded;
  size_t length, capacity;
} Buffer;

static int read_file(const char *path, Buffer *buffer) {
  int descriptor = open(path, O_RDONLY);
  if (descriptor < 0) return 0;
  struct stat info;
  if (fstat(descriptor, &info) != 0) {
    close(descriptor);
    return 0;
  }
  size_t wanted = (size_t)info.st_size + 1;
  if (wanted > buffer->capacity) {
    buffer->capacity = wanted * 2;
    free(buffer->bytes);
    free(buffer->folded);
    buffer->bytes = checked(malloc(buffer->capacity));
    buffer->folded = checked(malloc(buffer->capacity));
  }
  size_t total = 0;
  for (;;) {
    if (total + 1 >= buffer->capacity) {  /* the file grew since fstat */
      buffer->capacity *= 2;
      buffer->bytes = checked(realloc(buffer->bytes, buffer->capacity));
      buffer->folded = checked(realloc(buffer->folded, buffer->capacity));
    }
    ssize_t got = read(descriptor, buffer->bytes + total, buffer->capacity - 1 - total);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    total += (size_t)got;
  }
  close(descriptor);
  buffer->length = total;
  return 1;
}

static char **paths;
static size_t path_count, path_capacity;

static void add_path(const char *path) {
  if (path_count == path_capacity) {
    path_capacity = path_capacity ? 2 * path_capacity : 1024;
    paths = checked(realloc(paths, path_capacity * sizeof *paths));
  }
  paths[path_count++] = checked(strdup(path));
}

static void walk(const char *path) {
  struct stat info;
  if (stat(path, &info) != 0) die("cannot read %s", path);
  if (S_ISREG(info.st_mode)) {
    add_path(path);
    return;
  }
  if (!S_ISDIR(info.st_mode)) return;
  DIR *directory = opendir(path);
  if (!directory) die("cannot read the directory %s", path);
  struct dirent *entry;
  while ((entry = readdir(directory))) {
    if (entry->d_name[0] == '.') continue;
    size_t length = strlen(path) + strlen(entry->d_name) + 2;
    char *child = checked(malloc(length));
    snprintf(child, length, "%s/%s", path, entry->d_name);
    walk(child);
    free(child);
  }
  closedir(directory);
}

static int compare_paths(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* ---- Calibration ----------------------------------------------------------------------------------------- */

typedef struct {
  Buffer *articles;
  size_t count, bytes;
} Sample;

static Sample load_sample(size_t wanted) {
  Sample sample = {0};
  sample.articles = checked(calloc(path_count ? path_count : 1, sizeof(Buffer)));
  for (size_t i = 0; i < path_count && sample.bytes < wanted; i++) {
    Buffer *buffer = &sample.articles[sample.count];
    if (!read_file(paths[i], buffer) || !valid_utf8(buffer->bytes, buffer->length)) continue;
    /* A large single file: only its first `wanted` bytes, cut at a line end. */
    if (buffer->length > wanted) {
      const unsigned char *cut = memchr(buffer->bytes + wanted, '\n', buffer->length - wanted);
      if (cut) buffer->length = (size_t)(cut - buffer->bytes);
    }
    fold(buffer->bytes, buffer->folded, buffer->length);
    sample.bytes += buffer->length;
    sample.count++;
  }
  return sample;
}

/* Each literal's rarest byte, by how often each byte occurs in the (folded) sample. */
static void choose_rare_bytes(const Sample *sample) {
  size_t counts[256] = {0};
  for (size_t i = 0; i < sample->count; i++) {
    for (size_t j = 0; j < sample->articles[i].length; j++) counts[sample->articles[i].folded[j]]++;
  }
  for (int i = 0; i < literal_total; i++) {
    size_t best = 0;
    for (size_t j = 1; j < literals[i].length; j++) {
      if (counts[literals[i].text[j]] < counts[literals[i].text[best]]) best = j;
    }
    literals[i].rare = best;
  }
}

static double time_mode(Rule *rule, int prefilter, const Sample *sample, size_t *matches) {
  double start = clock_seconds(CLOCK_THREAD_CPUTIME_ID);
  size_t count = 0;
  for (size_t i = 0; i < sample->count; i++) {
    article_generation++; /* each rule timed pays for finding its literals, as if no other rule had */
    count += scan_rule(rule, prefilter, sample->articles[i].bytes, sample->articles[i].folded, sample->articles[i].length);
  }
  *matches = count;
  return clock_seconds(CLOCK_THREAD_CPUTIME_ID) - start;
}

/* Per rule with literals: plain and prefilter timed alternately three times on the sample; the faster wins. */
static int calibrate(const Sample *sample, const char *mode) {
  int disagreements = 0;
  for (int i = 0; i < rule_count; i++) {
    Rule *rule = &rules[i];
    if (rule->literal_count == 0 || strcmp(mode, "plain") == 0) {
      rule->prefilter = 0;
      continue;
    }
    if (strcmp(mode, "prefilter") == 0) {
      rule->prefilter = 1;
      continue;
    }
    double plain = 1e30, prefiltered = 1e30;
    size_t plain_matches = 0, prefilter_matches = 0;
    for (int round = 0; round < 3; round++) {
      double t = time_mode(rule, 0, sample, &plain_matches);
      if (t < plain) plain = t;
      t = time_mode(rule, 1, sample, &prefilter_matches);
      if (t < prefiltered) prefiltered = t;
    }
    if (plain_matches != prefilter_matches) {
      fprintf(stderr, "reference: rule %s: the prefilter finds %zu matches in the sample, the plain scan %zu (a literal is not required, or the pattern spans lines)\n",
              rule->id, prefilter_matches, plain_matches);
      disagreements++;
    }
    rule->calibration_plain = plain;
    rule->calibration_prefilter = prefiltered;
    rule->prefilter = prefiltered < plain && plain_matches == prefilter_matches;
  }
  return disagreements;
}

/* ---- Output ---------------------------------------------------------------------------------------------- */

static void json_string(const char *text) {
  putchar('"');
  for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
    if (*c == '"' || *c == '\\') printf("\\%c", *c);
    else if (*c < 0x20) printf("\\u%04x", *c);
    else putchar(*c);
  }
  putchar('"');
}

int main(int argc, char **argv) {
  const char *rules_path = NULL, *mode = "auto";
  size_t calibration_bytes = 512 * 1024;
  int json = 0, check = 0;
  int first_path = argc;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc) rules_path = argv[++i];
    else if (strcmp(argv[i], "--mode") == 0 && i + 1 < argc) mode = argv[++i];
    else if (strcmp(argv[i], "--calibrate") == 0 && i + 1 < argc) calibration_bytes = strtoull(argv[++i], NULL, 10);
    else if (strcmp(argv[i], "--json") == 0) json = 1;
    else if (strcmp(argv[i], "--check") == 0) check = 1;
    else if (argv[i][0] == '-' && argv[i][1]) die("unknown option %s", argv[i]);
    else {
      first_path = i;
      break;
    }
  }
  if (first_path >= argc) {
    fprintf(stderr, "usage: reference [--rules FILE] [--mode auto|plain|prefilter] [--calibrate BYTES] [--json] [--check] PATH...\n");
    return 2;
  }
  if (strcmp(mode, "auto") != 0 && strcmp(mode, "plain") != 0 && strcmp(mode, "prefilter") != 0) die("unknown mode %s", mode);
  if (!rules_path) {
    /* rules.txt next to the source, found from the executable's place or the working directory. */
    rules_path = access("Benchmarks/reference/rules.txt", R_OK) == 0 ? "Benchmarks/reference/rules.txt" : "rules.txt";
  }
  for (int i = 0; i < 256; i++) fold_table[i] = (unsigned char)(i >= 'A' && i <= 'Z' ? i + 32 : i);

  read_rules(rules_path);
  double compile_seconds = compile_rules();
  for (int i = first_path; i < argc; i++) walk(argv[i]);
  qsort(paths, path_count, sizeof *paths, compare_paths);

  double calibration_start = clock_seconds(CLOCK_MONOTONIC);
  Sample sample = load_sample(calibration_bytes);
  choose_rare_bytes(&sample);
  int disagreements = calibrate(&sample, mode);
  double calibration_seconds = clock_seconds(CLOCK_MONOTONIC) - calibration_start;
  int any_prefilter = 0;
  for (int i = 0; i < rule_count; i++) any_prefilter |= rules[i].prefilter;

  /* The timed run: read, validate once, fold (when a rule prefilters), every rule in its mode. */
  Buffer buffer = {0};
  size_t bytes = 0, files = 0, invalid = 0, unreadable = 0;
  double wall = clock_seconds(CLOCK_MONOTONIC), cpu = clock_seconds(CLOCK_PROCESS_CPUTIME_ID);
  for (size_t f = 0; f < path_count; f++) {
    if (!read_file(paths[f], &buffer)) {
      unreadable++;
      continue;
    }
    files++;
    bytes += buffer.length;
    if (!valid_utf8(buffer.bytes, buffer.length)) {
      invalid++;
      continue;
    }
    if (any_prefilter) fold(buffer.bytes, buffer.folded, buffer.length);
    article_generation++;
    for (int i = 0; i < rule_count; i++) {
      rules[i].matches += scan_rule(&rules[i], rules[i].prefilter, buffer.bytes, buffer.folded, buffer.length);
    }
  }
  wall = clock_seconds(CLOCK_MONOTONIC) - wall;
  cpu = clock_seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu;

  /* --check: both modes over the whole corpus (untimed), for every rule with literals. */
  if (check) {
    for (size_t f = 0; f < path_count; f++) {
      if (!read_file(paths[f], &buffer) || !valid_utf8(buffer.bytes, buffer.length)) continue;
      fold(buffer.bytes, buffer.folded, buffer.length);
      article_generation++;
      for (int i = 0; i < rule_count; i++) {
        if (rules[i].literal_count == 0) continue;
        size_t plain = scan_rule(&rules[i], 0, buffer.bytes, buffer.folded, buffer.length);
        size_t prefiltered = scan_rule(&rules[i], 1, buffer.bytes, buffer.folded, buffer.length);
        if (plain != prefiltered) {
          fprintf(stderr, "reference: --check: rule %s finds %zu matches plain, %zu prefiltered in %s\n", rules[i].id, plain,
                  prefiltered, paths[f]);
          disagreements++;
        }
      }
    }
  }

  size_t matches = 0;
  int prefiltered = 0, jit = 0, english = 0, french = 0;
  for (int i = 0; i < rule_count; i++) {
    matches += rules[i].matches;
    prefiltered += rules[i].prefilter;
    jit += rules[i].jit;
    english += strcmp(rules[i].language, "en") == 0;
    french += strcmp(rules[i].language, "fr") == 0;
  }
  double mbps = (double)bytes / 1e6 / (wall > 1e-9 ? wall : 1e-9);
  char version[64] = "unknown";
  pcre2_config(PCRE2_CONFIG_VERSION, version);
  if (json) {
    printf("{\"pcre2\":");
    json_string(version);
    printf(",\"rules_file\":");
    json_string(rules_path);
    printf(",\"rules\":%d,\"english_rules\":%d,\"french_rules\":%d,\"jit\":%d,\"prefilter_rules\":%d,\"plain_rules\":%d,", rule_count,
           english, french, jit, prefiltered, rule_count - prefiltered);
    printf("\"mode\":\"%s\",\"compile_seconds\":%.6f,\"calibration_seconds\":%.6f,\"calibration_bytes\":%zu,\"calibration_files\":%zu,", mode,
           compile_seconds, calibration_seconds, sample.bytes, sample.count);
    printf("\"files\":%zu,\"bytes\":%zu,\"invalid_utf8_files\":%zu,\"unreadable_files\":%zu,\"seconds\":%.6f,\"cpu_seconds\":%.6f,", files, bytes,
           invalid, unreadable, wall, cpu);
    printf("\"mb_per_s\":%.4f,\"matches\":%zu,\"match_errors\":%zu,\"disagreements\":%d,\"by_rule\":[", mbps, matches, match_errors,
           disagreements);
    for (int i = 0; i < rule_count; i++) {
      printf("%s{\"id\":", i ? "," : "");
      json_string(rules[i].id);
      printf(",\"language\":");
      json_string(rules[i].language);
      printf(",\"mode\":\"%s\",\"literals\":%d,\"jit\":%s,\"matches\":%zu", rules[i].prefilter ? "prefilter" : "plain", rules[i].literal_count,
             rules[i].jit ? "true" : "false", rules[i].matches);
      if (rules[i].literal_count && strcmp(mode, "auto") == 0) {
        printf(",\"calibration_plain_seconds\":%.6f,\"calibration_prefilter_seconds\":%.6f", rules[i].calibration_plain,
               rules[i].calibration_prefilter);
      }
      printf("}");
    }
    printf("]}\n");
  } else {
    printf("C reference: %d rules (%d en, %d fr) from %s, PCRE2 %s, %d/%d JIT-compiled in %.1f ms\n", rule_count, english, french,
           rules_path, version, jit, rule_count, compile_seconds * 1000);
    printf("mode %s: %d rules prefiltered, %d plain (calibrated on %zu files, %zu bytes, in %.0f ms)\n", mode, prefiltered,
           rule_count - prefiltered, sample.count, sample.bytes, calibration_seconds * 1000);
    printf("%-34s %-4s %-9s %10s %14s %14s\n", "rule", "lang", "mode", "matches", "cal. plain µs", "cal. prefilt. µs");
    for (int i = 0; i < rule_count; i++) {
      printf("%-34s %-4s %-9s %10zu", rules[i].id, rules[i].language, rules[i].prefilter ? "prefilter" : "plain", rules[i].matches);
      if (rules[i].literal_count && strcmp(mode, "auto") == 0) {
        printf(" %14.0f %14.0f\n", rules[i].calibration_plain * 1e6, rules[i].calibration_prefilter * 1e6);
      } else {
        printf(" %14s %14s\n", "-", "-");
      }
    }
    printf("scanned %zu files, %zu bytes in %.3f s wall, %.3f s CPU: %.1f MB/s (%.1f MB per CPU-second); %zu matches",
           files, bytes, wall, cpu, mbps, (double)bytes / 1e6 / (cpu > 1e-9 ? cpu : 1e-9), matches);
    if (match_errors) printf(", %zu match errors", match_errors);
    if (invalid) printf(", %zu files not valid UTF-8 (skipped)", invalid);
    printf("\n");
  }
  if (disagreements) fprintf(stderr, "reference: %d disagreements between the prefilter and the plain scan\n", disagreements);
  return disagreements ? 1 : 0;
}
