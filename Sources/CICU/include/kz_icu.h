#ifndef KZ_ICU_H
#define KZ_ICU_H
/*
 * A narrow C facade over system ICU. Only plain C types cross this boundary, so Swift modules that
 * also import Foundation (which bundles its own ICU) never see ICU's own headers (see DEVELOPERS.md).
 * Every function returning a buffer allocates it with malloc; free it with kz_icu_free.
 * On failure they return NULL / a negative value and write ICU's error name into `error` (if non-NULL).
 */
#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Frees a buffer returned by this facade.
void kz_icu_free(void *pointer);

/// Returns 1 when the UTF-8 text is already in NFC, 0 when not, -1 on error.
int kz_icu_is_nfc(const char *utf8, int32_t length);

/// NFC-normalizes UTF-8 text. Returns a malloc'd UTF-8 buffer (not NUL-terminated; length in *outLength).
char *kz_icu_nfc(const char *utf8, int32_t length, int32_t *outLength, char *error, int32_t errorCapacity);

/// Detects the charset of raw bytes. Writes the ICU charset name (e.g. "UTF-8", "windows-1251") into
/// `name` and the confidence (0–100) into *confidence. Returns 0 on success, -1 when nothing matched.
int kz_icu_detect_charset(const char *bytes, int32_t length, char *name, int32_t nameCapacity,
                          int32_t *confidence, char *error, int32_t errorCapacity);

/// Converts bytes in `charset` to UTF-8. Invalid sequences become U+FFFD; *substitutions counts them.
char *kz_icu_to_utf8(const char *charset, const char *bytes, int32_t length, int32_t *outLength,
                     int32_t *substitutions, char *error, int32_t errorCapacity);

/// Case-maps UTF-8 text with a locale ("kk" for Kazakh). `upper` non-zero for upper case, else lower.
char *kz_icu_case_map(const char *utf8, int32_t length, const char *locale, int upper,
                      int32_t *outLength, char *error, int32_t errorCapacity);

/// Word break iteration: writes UTF-8 byte offsets of word boundaries into `boundaries` (at most
/// `capacity`), returns how many boundaries there are in total (which may exceed capacity), -1 on error.
int32_t kz_icu_word_boundaries(const char *utf8, int32_t length, const char *locale,
                               int32_t *boundaries, int32_t capacity, char *error, int32_t errorCapacity);

#ifdef __cplusplus
}
#endif
#endif
