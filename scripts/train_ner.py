#!/usr/bin/env python3
"""Rebuild the NER tagger's shipped data, and measure it by cross-validation on the training split.

* ``--clusters DIR``: word clusters and lower-case shares from IndoSum-style tokenised JSONL
  (``stages/ner/clusters.tsv.gz``; a table of numbers per word, no text);
* ``--train FILE``: CRF weights from a BIO file (``stages/ner/crf.json.gz``; needs
  ``pip install python-crfsuite``, the ``train`` extra);
* ``--cross-validate FILE``: 5-fold scores of the tagger alone and of the whole entity stage, for
  choosing settings (``--c1``, ``--c2``) without looking at the dev split.

Usage: python scripts/train_ner.py [--clusters ../shared/data/indosum]
           [--train ../shared/data/idner-news-2k/train.txt] [--cross-validate FILE] [--c1 X --c2 Y]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kronik.training.clusters import build_clusters
from kronik.training.ner import CrfOptions, train
from kronik.training.validation import cross_validate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clusters", type=Path, help="IndoSum-style JSONL folder to learn clusters from")
    parser.add_argument("--train", type=Path, help="BIO training file to learn the CRF weights from")
    parser.add_argument("--cross-validate", type=Path, help="BIO file to cross-validate on (5 folds)")
    parser.add_argument("--c1", type=float, default=CrfOptions().c1, help="L1 weight")
    parser.add_argument("--c2", type=float, default=CrfOptions().c2, help="L2 weight")
    args = parser.parse_args()
    options = CrfOptions(c1=args.c1, c2=args.c2)
    if args.clusters:
        print(json.dumps(build_clusters(args.clusters)))
    if args.train:
        print(json.dumps(train(args.train, None, options)))
    if args.cross_validate:
        print(json.dumps(cross_validate(args.cross_validate, options)))


if __name__ == "__main__":
    main()
