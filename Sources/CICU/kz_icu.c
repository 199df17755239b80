#include "kz_icu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucasemap.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

static void report(UErrorCode status, char *error, int32_t capacity) {
    if (error != NULL && capacity > 0) {
        strncpy(error, u_errorName(status), (size_t)capacity - 1);
        error[capacity - 1] = '\0';
    }
}

void kz_icu_free(void *pointer) { free(pointer); }

/* UTF-8 -> malloc'd UTF-16. */
static UChar *to_utf16(const char *utf8, int32_t length, int32_t *outLength, UErrorCode *status) {
    int32_t needed = 0;
    u_strFromUTF8WithSub(NULL, 0, &needed, utf8, length, 0xFFFD, NULL, status);
    if (*status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(*status)) return NULL;
    *status = U_ZERO_ERROR;
    UChar *buffer = (UChar *)malloc(sizeof(UChar) * (size_t)(needed + 1));
    if (buffer == NULL) { *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    u_strFromUTF8WithSub(buffer, needed + 1, outLength, utf8, length, 0xFFFD, NULL, status);
    if (U_FAILURE(*status)) { free(buffer); return NULL; }
    return buffer;
}

/* UTF-16 -> malloc'd UTF-8. */
static char *to_utf8(const UChar *utf16, int32_t length, int32_t *outLength, UErrorCode *status) {
    int32_t needed = 0;
    u_strToUTF8WithSub(NULL, 0, &needed, utf16, length, 0xFFFD, NULL, status);
    if (*status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(*status)) return NULL;
    *status = U_ZERO_ERROR;
    char *buffer = (char *)malloc((size_t)needed + 1);
    if (buffer == NULL) { *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    u_strToUTF8WithSub(buffer, needed + 1, outLength, utf16, length, 0xFFFD, NULL, status);
    if (U_FAILURE(*status)) { free(buffer); return NULL; }
    return buffer;
}

int kz_icu_is_nfc(const char *utf8, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return -1;
    int32_t length16 = 0;
    UChar *text = to_utf16(utf8, length, &length16, &status);
    if (text == NULL) return -1;
    UBool normalized = unorm2_isNormalized(nfc, text, length16, &status);
    free(text);
    if (U_FAILURE(status)) return -1;
    return normalized ? 1 : 0;
}

char *kz_icu_nfc(const char *utf8, int32_t length, int32_t *outLength, char *error, int32_t errorCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) { report(status, error, errorCapacity); return NULL; }
    int32_t length16 = 0;
    UChar *text = to_utf16(utf8, length, &length16, &status);
    if (text == NULL) { report(status, error, errorCapacity); return NULL; }
    int32_t needed = unorm2_normalize(nfc, text, length16, NULL, 0, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
        free(text); report(status, error, errorCapacity); return NULL;
    }
    status = U_ZERO_ERROR;
    UChar *normalized = (UChar *)malloc(sizeof(UChar) * (size_t)(needed + 1));
    if (normalized == NULL) { free(text); report(U_MEMORY_ALLOCATION_ERROR, error, errorCapacity); return NULL; }
    int32_t normalizedLength = unorm2_normalize(nfc, text, length16, normalized, needed + 1, &status);
    free(text);
    if (U_FAILURE(status)) { free(normalized); report(status, error, errorCapacity); return NULL; }
    char *result = to_utf8(normalized, normalizedLength, outLength, &status);
    free(normalized);
    if (result == NULL) report(status, error, errorCapacity);
    return result;
}

int kz_icu_detect_charset(const char *bytes, int32_t length, char *name, int32_t nameCapacity,
                          int32_t *confidence, char *error, int32_t errorCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) { report(status, error, errorCapacity); return -1; }
    ucsdet_setText(detector, bytes, length, &status);
    const UCharsetMatch *match = ucsdet_detect(detector, &status);
    if (U_FAILURE(status) || match == NULL) {
        report(status, error, errorCapacity);
        ucsdet_close(detector);
        return -1;
    }
    const char *detected = ucsdet_getName(match, &status);
    int32_t score = ucsdet_getConfidence(match, &status);
    if (U_FAILURE(status) || detected == NULL) {
        report(status, error, errorCapacity);
        ucsdet_close(detector);
        return -1;
    }
    strncpy(name, detected, (size_t)nameCapacity - 1);
    name[nameCapacity - 1] = '\0';
    if (confidence != NULL) *confidence = score;
    ucsdet_close(detector);
    return 0;
}

/* Substitutes like ICU's default callback and counts the byte sequences it had to substitute, so a U+FFFD
   or U+001A that the input itself encodes is not counted. */
static void count_substitution(const void *context, UConverterToUnicodeArgs *args, const char *codeUnits,
                               int32_t length, UConverterCallbackReason reason, UErrorCode *status) {
    if (reason == UCNV_UNASSIGNED || reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR) {
        (*(int32_t *)context)++;
    }
    UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, codeUnits, length, reason, status);
}

char *kz_icu_to_utf8(const char *charset, const char *bytes, int32_t length, int32_t *outLength,
                     int32_t *substitutions, char *error, int32_t errorCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status)) { report(status, error, errorCapacity); return NULL; }
    int32_t count = 0;
    ucnv_setToUCallBack(converter, count_substitution, &count, NULL, NULL, &status);
    if (U_FAILURE(status)) { ucnv_close(converter); report(status, error, errorCapacity); return NULL; }
    /* Worst case: every byte becomes a 2-unit sequence. */
    int32_t capacity = length * 2 + 2;
    UChar *text = (UChar *)malloc(sizeof(UChar) * (size_t)capacity);
    if (text == NULL) { ucnv_close(converter); report(U_MEMORY_ALLOCATION_ERROR, error, errorCapacity); return NULL; }
    int32_t length16 = ucnv_toUChars(converter, text, capacity, bytes, length, &status);
    ucnv_close(converter);
    if (U_FAILURE(status)) { free(text); report(status, error, errorCapacity); return NULL; }
    if (substitutions != NULL) *substitutions = count;
    char *result = to_utf8(text, length16, outLength, &status);
    free(text);
    if (result == NULL) report(status, error, errorCapacity);
    return result;
}

char *kz_icu_case_map(const char *utf8, int32_t length, const char *locale, int upper,
                      int32_t *outLength, char *error, int32_t errorCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    UCaseMap *map = ucasemap_open(locale, 0, &status);
    if (U_FAILURE(status)) { report(status, error, errorCapacity); return NULL; }
    int32_t capacity = length * 3 + 4;
    char *buffer = (char *)malloc((size_t)capacity);
    if (buffer == NULL) { ucasemap_close(map); report(U_MEMORY_ALLOCATION_ERROR, error, errorCapacity); return NULL; }
    int32_t written = upper ? ucasemap_utf8ToUpper(map, buffer, capacity, utf8, length, &status)
                            : ucasemap_utf8ToLower(map, buffer, capacity, utf8, length, &status);
    ucasemap_close(map);
    if (U_FAILURE(status)) { free(buffer); report(status, error, errorCapacity); return NULL; }
    *outLength = written;
    return buffer;
}

int32_t kz_icu_word_boundaries(const char *utf8, int32_t length, const char *locale,
                               int32_t *boundaries, int32_t capacity, char *error, int32_t errorCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    UText *text = utext_openUTF8(NULL, utf8, length, &status);
    if (U_FAILURE(status)) { report(status, error, errorCapacity); return -1; }
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, locale, NULL, 0, &status);
    if (U_FAILURE(status)) { utext_close(text); report(status, error, errorCapacity); return -1; }
    ubrk_setUText(iterator, text, &status);
    int32_t count = 0;
    /* With a UTF-8 UText, native indexes are UTF-8 byte offsets. */
    for (int32_t position = ubrk_first(iterator); position != UBRK_DONE; position = ubrk_next(iterator)) {
        if (count < capacity) boundaries[count] = position;
        count++;
    }
    ubrk_close(iterator);
    utext_close(text);
    if (U_FAILURE(status)) { report(status, error, errorCapacity); return -1; }
    return count;
}
