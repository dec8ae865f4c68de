"""The output schema (JSON Schema) of an article record."""

import json
from functools import lru_cache
from pathlib import Path

SCHEMA_PATH = Path(__file__).with_name("article.schema.json")


@lru_cache(maxsize=1)
def article_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text("utf-8"))


def validate_article(record: dict) -> None:
    """Raise jsonschema.ValidationError when ``record`` does not follow the schema."""
    import jsonschema

    jsonschema.validate(record, article_schema(), cls=jsonschema.Draft202012Validator)
