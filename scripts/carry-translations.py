#!/usr/bin/env python3
"""Carries translations over to strings that moved to another class (translation context).

    scripts/carry-translations.py OLD.ts NEW.ts

Every message of NEW.ts still marked type="unfinished" whose source text (and disambiguation
comment) has a finished translation in OLD.ts, in any context, gets that translation.
scripts/update-translations runs it on the file as it was before lupdate.
"""
import sys
import xml.etree.ElementTree as ET


def key(message):
    comment = message.find("comment")
    return (message.findtext("source") or "", comment.text if comment is not None else "")


def main(old_path, new_path):
    known = {}
    for message in ET.parse(old_path).getroot().iter("message"):
        t = message.find("translation")
        if t is not None and t.get("type") is None and (t.text or list(t)):
            known.setdefault(key(message), t)
    tree = ET.parse(new_path)
    carried = 0
    for message in tree.getroot().iter("message"):
        t = message.find("translation")
        if t is None or t.get("type") != "unfinished" or key(message) not in known:
            continue
        source = known[key(message)]
        message.remove(t)
        copy = ET.fromstring(ET.tostring(source))
        copy.tail = t.tail
        message.append(copy)
        carried += 1
    if carried:
        tree.write(new_path, encoding="utf-8", xml_declaration=True)
        with open(new_path, "r+", encoding="utf-8") as f:  # lupdate's header and line end
            text = f.read().replace("<?xml version='1.0' encoding='utf-8'?>",
                                    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
            f.seek(0)
            f.write(text if text.endswith("\n") else text + "\n")
            f.truncate()
    print(f"carry-translations: {carried} moved strings keep their translation")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
