#include "kz_xml.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>

struct kz_xml_writer {
    xmlBufferPtr buffer;
    xmlTextWriterPtr writer;
};

static pthread_once_t library_once = PTHREAD_ONCE_INIT;

static void initialize_library(void) { xmlInitParser(); }

/* libxml2's global initialization is not safe to race; do it once before any use. */
static void ensure_initialized(void) { pthread_once(&library_once, initialize_library); }

kz_xml_writer *kz_xml_writer_new(int indent) {
    ensure_initialized();
    kz_xml_writer *result = (kz_xml_writer *)calloc(1, sizeof(kz_xml_writer));
    if (result == NULL) return NULL;
    result->buffer = xmlBufferCreate();
    if (result->buffer == NULL) { free(result); return NULL; }
    result->writer = xmlNewTextWriterMemory(result->buffer, 0);
    if (result->writer == NULL) { xmlBufferFree(result->buffer); free(result); return NULL; }
    if (indent) {
        xmlTextWriterSetIndent(result->writer, 1);
        xmlTextWriterSetIndentString(result->writer, BAD_CAST "  ");
    }
    if (xmlTextWriterStartDocument(result->writer, "1.0", "UTF-8", NULL) < 0) {
        kz_xml_writer_discard(result);
        return NULL;
    }
    return result;
}

int kz_xml_start_element(kz_xml_writer *writer, const char *name) {
    return xmlTextWriterStartElement(writer->writer, BAD_CAST name) < 0 ? -1 : 0;
}

int kz_xml_attribute(kz_xml_writer *writer, const char *name, const char *value) {
    return xmlTextWriterWriteAttribute(writer->writer, BAD_CAST name, BAD_CAST value) < 0 ? -1 : 0;
}

int kz_xml_text(kz_xml_writer *writer, const char *text) {
    return xmlTextWriterWriteString(writer->writer, BAD_CAST text) < 0 ? -1 : 0;
}

int kz_xml_end_element(kz_xml_writer *writer) {
    return xmlTextWriterEndElement(writer->writer) < 0 ? -1 : 0;
}

char *kz_xml_writer_finish(kz_xml_writer *writer, int32_t *outLength) {
    if (xmlTextWriterEndDocument(writer->writer) < 0) { kz_xml_writer_discard(writer); return NULL; }
    xmlFreeTextWriter(writer->writer);
    writer->writer = NULL;
    int length = xmlBufferLength(writer->buffer);
    char *result = (char *)malloc((size_t)length + 1);
    if (result != NULL) {
        memcpy(result, xmlBufferContent(writer->buffer), (size_t)length);
        result[length] = '\0';
        *outLength = length;
    }
    xmlBufferFree(writer->buffer);
    free(writer);
    return result;
}

void kz_xml_writer_discard(kz_xml_writer *writer) {
    if (writer == NULL) return;
    if (writer->writer != NULL) xmlFreeTextWriter(writer->writer);
    if (writer->buffer != NULL) xmlBufferFree(writer->buffer);
    free(writer);
}

typedef struct {
    char *messages;
    int32_t capacity;
    int32_t used;
} message_sink;

static void append_message(message_sink *sink, const char *text) {
    if (sink->messages == NULL || sink->capacity <= 0) return;
    int32_t room = sink->capacity - 1 - sink->used;
    if (room <= 0) return;
    int32_t length = (int32_t)strlen(text);
    if (length > room) length = room;
    memcpy(sink->messages + sink->used, text, (size_t)length);
    sink->used += length;
    sink->messages[sink->used] = '\0';
}

static void structured_error(void *context, const xmlError *error) {
    message_sink *sink = (message_sink *)context;
    char line[1024];
    const char *message = error->message ? error->message : "error";
    size_t length = strlen(message);
    const char *ending = (length > 0 && message[length - 1] == '\n') ? "" : "\n";
    snprintf(line, sizeof line, "line %d: %s%s", error->line, message, ending);
    append_message(sink, line);
}

int kz_xml_validate(const char *xml, int32_t xmlLength, const char *xsd, int32_t xsdLength,
                    char *messages, int32_t capacity) {
    ensure_initialized();
    message_sink sink = {messages, capacity, 0};
    if (messages != NULL && capacity > 0) messages[0] = '\0';

    xmlSchemaParserCtxtPtr parserContext = xmlSchemaNewMemParserCtxt(xsd, xsdLength);
    if (parserContext == NULL) { append_message(&sink, "cannot read the schema\n"); return -1; }
    xmlSchemaSetParserStructuredErrors(parserContext, (xmlStructuredErrorFunc)structured_error, &sink);
    xmlSchemaPtr schema = xmlSchemaParse(parserContext);
    xmlSchemaFreeParserCtxt(parserContext);
    if (schema == NULL) { append_message(&sink, "the schema is not a valid XSD\n"); return -1; }

    /* Records never carry a DTD; refusing one keeps entity expansion out, which matters because the
       size limits are off (XML_PARSE_HUGE) for the records of large inputs. */
    static const char doctype[] = "<!DOCTYPE";
    for (int32_t i = 0; xml != NULL && i + (int32_t)sizeof doctype - 1 <= xmlLength; i++) {
        if (memcmp(xml + i, doctype, sizeof doctype - 1) == 0) {
            xmlSchemaFree(schema);
            append_message(&sink, "documents with a DOCTYPE are not accepted\n");
            return 1;
        }
    }

    xmlParserCtxtPtr documentContext = xmlNewParserCtxt();
    if (documentContext == NULL) { xmlSchemaFree(schema); return -1; }
    xmlSetStructuredErrorFunc(&sink, (xmlStructuredErrorFunc)structured_error);
    xmlDocPtr document = xmlCtxtReadMemory(documentContext, xml, xmlLength, "record.xml", "UTF-8",
                                           XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
    xmlSetStructuredErrorFunc(NULL, NULL);
    xmlFreeParserCtxt(documentContext);
    if (document == NULL) {
        xmlSchemaFree(schema);
        append_message(&sink, "the document is not well-formed XML\n");
        return 1;
    }

    xmlSchemaValidCtxtPtr validContext = xmlSchemaNewValidCtxt(schema);
    int result = 1;
    if (validContext != NULL) {
        xmlSchemaSetValidStructuredErrors(validContext, (xmlStructuredErrorFunc)structured_error, &sink);
        int status = xmlSchemaValidateDoc(validContext, document);
        result = status == 0 ? 0 : (status > 0 ? 1 : -1);
        xmlSchemaFreeValidCtxt(validContext);
    }
    xmlFreeDoc(document);
    xmlSchemaFree(schema);
    return result;
}

void kz_xml_free(void *pointer) { free(pointer); }
