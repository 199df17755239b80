/// The published JSON Schema of diff reports (`kzreg diff --format json`).
///
/// The same text is in `Schemas/kzreg-diff.schema.json` (a test keeps the two equal); it is embedded here
/// until the package declares that file as a resource.
public enum DiffSchema {
    /// The schema's identifier.
    public static let id = "urn:kzreg:schema:diff:1"

    /// The schema document (JSON Schema draft 2020-12).
    public static let json = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:kzreg:schema:diff:1",
  "title": "kzreg diff report",
  "description": "Substantive differences between two versions of a Kazakh regulation act, as written by 'kzreg diff --format json'.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "metadata",
    "new",
    "old",
    "regulations",
    "schemaVersion",
    "summary"
  ],
  "properties": {
    "schemaVersion": {
      "const": 1
    },
    "old": {
      "$ref": "#/$defs/side"
    },
    "new": {
      "$ref": "#/$defs/side"
    },
    "summary": {
      "$ref": "#/$defs/summary"
    },
    "metadata": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/fieldChange"
      }
    },
    "regulations": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/regulationDiff"
      }
    }
  },
  "$defs": {
    "side": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "file",
        "sha256",
        "title"
      ],
      "properties": {
        "file": {
          "type": "string"
        },
        "sha256": {
          "type": "string"
        },
        "title": {
          "type": [
            "string",
            "null"
          ]
        }
      },
      "description": "One of the two compared inputs."
    },
    "fieldChange": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "field",
        "new",
        "old"
      ],
      "properties": {
        "field": {
          "type": "string"
        },
        "old": {
          "type": [
            "string",
            "null"
          ]
        },
        "new": {
          "type": [
            "string",
            "null"
          ]
        }
      },
      "description": "A value that differs; null = absent."
    },
    "durationValue": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "label",
        "maxValue",
        "unit",
        "value"
      ],
      "properties": {
        "value": {
          "type": "number"
        },
        "maxValue": {
          "type": [
            "number",
            "null"
          ]
        },
        "unit": {
          "enum": [
            "minute",
            "hour",
            "day",
            "workingDay",
            "calendarDay",
            "month",
            "year"
          ]
        },
        "label": {
          "type": "string"
        }
      },
      "description": "A time limit (maxValue: upper bound of a range); label in Kazakh words."
    },
    "durationTotal": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "calendarDays",
        "label",
        "months",
        "stepsWithLimit",
        "stepsWithoutLimit",
        "workingHours"
      ],
      "properties": {
        "workingHours": {
          "type": "number",
          "minimum": 0
        },
        "calendarDays": {
          "type": "number",
          "minimum": 0
        },
        "months": {
          "type": "number",
          "minimum": 0
        },
        "stepsWithLimit": {
          "type": "integer",
          "minimum": 0
        },
        "stepsWithoutLimit": {
          "type": "integer",
          "minimum": 0
        },
        "label": {
          "type": "string"
        }
      },
      "description": "Sum of the steps' limits (longest limit per kind of time per step); 1 working day = 8 working hours; calendar days and months kept apart."
    },
    "durationTotalChange": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "deltaWorkingHours",
        "new",
        "old",
        "regulation"
      ],
      "properties": {
        "regulation": {
          "type": "string"
        },
        "old": {
          "$ref": "#/$defs/durationTotal"
        },
        "new": {
          "$ref": "#/$defs/durationTotal"
        },
        "deltaWorkingHours": {
          "type": [
            "number",
            "null"
          ]
        }
      },
      "description": "Total duration before and after; delta null when calendar parts differ or no working time."
    },
    "summary": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "actorChanges",
        "chaptersChanged",
        "durationChanges",
        "durations",
        "metadataChanges",
        "participantsAdded",
        "participantsRemoved",
        "participantsRenamed",
        "pointsChanged",
        "processesChanged",
        "regulationFieldChanges",
        "regulationsAdded",
        "regulationsPaired",
        "regulationsRemoved",
        "renumbered",
        "stepsAdded",
        "stepsChanged",
        "stepsMoved",
        "stepsRemoved",
        "substantive"
      ],
      "properties": {
        "metadataChanges": {
          "type": "integer",
          "minimum": 0
        },
        "regulationFieldChanges": {
          "type": "integer",
          "minimum": 0
        },
        "regulationsPaired": {
          "type": "integer",
          "minimum": 0
        },
        "regulationsAdded": {
          "type": "integer",
          "minimum": 0
        },
        "regulationsRemoved": {
          "type": "integer",
          "minimum": 0
        },
        "participantsAdded": {
          "type": "integer",
          "minimum": 0
        },
        "participantsRemoved": {
          "type": "integer",
          "minimum": 0
        },
        "participantsRenamed": {
          "type": "integer",
          "minimum": 0
        },
        "stepsAdded": {
          "type": "integer",
          "minimum": 0
        },
        "stepsRemoved": {
          "type": "integer",
          "minimum": 0
        },
        "stepsMoved": {
          "type": "integer",
          "minimum": 0
        },
        "stepsChanged": {
          "type": "integer",
          "minimum": 0
        },
        "durationChanges": {
          "type": "integer",
          "minimum": 0
        },
        "actorChanges": {
          "type": "integer",
          "minimum": 0
        },
        "processesChanged": {
          "type": "integer",
          "minimum": 0
        },
        "pointsChanged": {
          "type": "integer",
          "minimum": 0
        },
        "chaptersChanged": {
          "type": "integer",
          "minimum": 0
        },
        "renumbered": {
          "type": "integer",
          "minimum": 0
        },
        "substantive": {
          "type": "boolean"
        },
        "durations": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/durationTotalChange"
          }
        }
      }
    },
    "regulationRef": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "annex",
        "index",
        "kind",
        "serviceName",
        "title"
      ],
      "properties": {
        "index": {
          "type": "integer",
          "minimum": 1
        },
        "annex": {
          "type": [
            "integer",
            "null"
          ]
        },
        "kind": {
          "enum": [
            "regulation",
            "rules",
            "other"
          ]
        },
        "title": {
          "type": "string"
        },
        "serviceName": {
          "type": [
            "string",
            "null"
          ]
        }
      }
    },
    "participants": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "added",
        "removed",
        "renamed"
      ],
      "properties": {
        "added": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "removed": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "renamed": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/fieldChange"
          }
        }
      }
    },
    "chapterChange": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "kind",
        "newHeading",
        "newNumber",
        "oldHeading",
        "oldNumber",
        "renumbered"
      ],
      "properties": {
        "kind": {
          "enum": [
            "unchanged",
            "changed",
            "added",
            "removed",
            "moved"
          ]
        },
        "oldNumber": {
          "type": [
            "integer",
            "null"
          ]
        },
        "newNumber": {
          "type": [
            "integer",
            "null"
          ]
        },
        "oldHeading": {
          "type": [
            "string",
            "null"
          ]
        },
        "newHeading": {
          "type": [
            "string",
            "null"
          ]
        },
        "renumbered": {
          "type": "boolean"
        }
      }
    },
    "stepSnapshot": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "actor",
        "durations",
        "label",
        "number",
        "result",
        "text"
      ],
      "properties": {
        "number": {
          "type": "integer"
        },
        "label": {
          "type": [
            "string",
            "null"
          ]
        },
        "actor": {
          "type": [
            "string",
            "null"
          ]
        },
        "text": {
          "type": "string"
        },
        "durations": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/durationValue"
          }
        },
        "result": {
          "type": [
            "string",
            "null"
          ]
        }
      }
    },
    "wordEdit": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "op",
        "text"
      ],
      "properties": {
        "op": {
          "enum": [
            "equal",
            "insert",
            "delete"
          ]
        },
        "text": {
          "type": "string"
        }
      }
    },
    "durationChange": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "deltaWorkingHours",
        "description",
        "new",
        "old"
      ],
      "properties": {
        "old": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/durationValue"
          }
        },
        "new": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/durationValue"
          }
        },
        "deltaWorkingHours": {
          "type": [
            "number",
            "null"
          ]
        },
        "description": {
          "type": "string"
        }
      }
    },
    "stepChange": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "actor",
        "duration",
        "kind",
        "new",
        "old",
        "renumbered",
        "resultDiff",
        "similarity",
        "textDiff"
      ],
      "properties": {
        "kind": {
          "enum": [
            "unchanged",
            "changed",
            "added",
            "removed",
            "moved"
          ]
        },
        "old": {
          "oneOf": [
            {
              "type": "null"
            },
            {
              "$ref": "#/$defs/stepSnapshot"
            }
          ]
        },
        "new": {
          "oneOf": [
            {
              "type": "null"
            },
            {
              "$ref": "#/$defs/stepSnapshot"
            }
          ]
        },
        "similarity": {
          "type": [
            "number",
            "null"
          ]
        },
        "renumbered": {
          "type": "boolean"
        },
        "actor": {
          "oneOf": [
            {
              "type": "null"
            },
            {
              "$ref": "#/$defs/fieldChange"
            }
          ]
        },
        "duration": {
          "oneOf": [
            {
              "type": "null"
            },
            {
              "$ref": "#/$defs/durationChange"
            }
          ]
        },
        "textDiff": {
          "type": [
            "array",
            "null"
          ],
          "items": {
            "$ref": "#/$defs/wordEdit"
          }
        },
        "resultDiff": {
          "type": [
            "array",
            "null"
          ],
          "items": {
            "$ref": "#/$defs/wordEdit"
          }
        }
      }
    },
    "pointChange": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "kind",
        "newNumber",
        "newText",
        "oldNumber",
        "oldText",
        "similarity",
        "textDiff"
      ],
      "properties": {
        "kind": {
          "enum": [
            "unchanged",
            "changed",
            "added",
            "removed",
            "moved"
          ]
        },
        "oldNumber": {
          "type": [
            "string",
            "null"
          ]
        },
        "newNumber": {
          "type": [
            "string",
            "null"
          ]
        },
        "oldText": {
          "type": [
            "string",
            "null"
          ]
        },
        "newText": {
          "type": [
            "string",
            "null"
          ]
        },
        "similarity": {
          "type": [
            "number",
            "null"
          ]
        },
        "textDiff": {
          "type": [
            "array",
            "null"
          ],
          "items": {
            "$ref": "#/$defs/wordEdit"
          }
        }
      }
    },
    "regulationDiff": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "chapters",
        "duration",
        "fields",
        "nameSimilarity",
        "new",
        "old",
        "participants",
        "points",
        "processes",
        "status",
        "steps"
      ],
      "properties": {
        "status": {
          "enum": [
            "paired",
            "added",
            "removed"
          ]
        },
        "old": {
          "oneOf": [
            {
              "type": "null"
            },
            {
              "$ref": "#/$defs/regulationRef"
            }
          ]
        },
        "new": {
          "oneOf": [
            {
              "type": "null"
            },
            {
              "$ref": "#/$defs/regulationRef"
            }
          ]
        },
        "nameSimilarity": {
          "type": [
            "number",
            "null"
          ]
        },
        "fields": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/fieldChange"
          }
        },
        "participants": {
          "$ref": "#/$defs/participants"
        },
        "chapters": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/chapterChange"
          }
        },
        "steps": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/stepChange"
          }
        },
        "processes": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/stepChange"
          }
        },
        "points": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/pointChange"
          }
        },
        "duration": {
          "oneOf": [
            {
              "type": "null"
            },
            {
              "$ref": "#/$defs/durationTotalChange"
            }
          ]
        }
      }
    }
  }
}
"""#
}
