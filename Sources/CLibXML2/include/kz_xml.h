#ifndef KZ_XML_H
#define KZ_XML_H
/*
 * A narrow C facade over libxml2 (whose headers pull in ICU): an XML writer and XSD validation.
 * Only plain C types cross this boundary (see DEVELOPERS.md). Strings are UTF-8, NUL-terminated.
 * libxml2 is initialized once, on first use, so writers and validations may run on several threads at
 * once (each writer and each validation on one thread).
 */
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An XML document being written; opaque.
typedef struct kz_xml_writer kz_xml_writer;

/// Starts a UTF-8 XML 1.0 document; `indent` non-zero pretty-prints with two spaces. NULL on failure.
kz_xml_writer *kz_xml_writer_new(int indent);
int kz_xml_start_element(kz_xml_writer *writer, const char *name);
int kz_xml_attribute(kz_xml_writer *writer, const char *name, const char *value);
/// Writes escaped character data. The caller removes characters XML 1.0 forbids beforehand.
int kz_xml_text(kz_xml_writer *writer, const char *text);
int kz_xml_end_element(kz_xml_writer *writer);
/// Ends the document, frees the writer and returns the malloc'd document (length in *outLength).
char *kz_xml_writer_finish(kz_xml_writer *writer, int32_t *outLength);
/// Frees a writer without finishing it.
void kz_xml_writer_discard(kz_xml_writer *writer);

/// Validates a document against an XSD (both given as UTF-8 bytes). Returns 0 when valid, 1 when
/// invalid or not well-formed, -1 when the schema itself cannot be used. Messages ("line N: ...", one
/// per line) go into `messages` (truncated to `capacity`). The document is parsed without network
/// access or libxml2's size limits (records of large inputs are large); a document with a DOCTYPE is
/// refused as invalid.
int kz_xml_validate(const char *xml, int32_t xmlLength, const char *xsd, int32_t xsdLength,
                    char *messages, int32_t capacity);

/// Frees a buffer returned by this facade.
void kz_xml_free(void *pointer);

#ifdef __cplusplus
}
#endif
#endif
