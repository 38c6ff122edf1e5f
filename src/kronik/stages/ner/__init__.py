"""Entity recognition parts: the KB gazetteer, the CRF tagger and its features, the rules for
names the tagger leaves out, the merge of tagged spans with KB matches, and name coreference.

Shipped data: ``crf.json.gz`` (CRF weights trained on idner-news-2k train, MIT) and
``clusters.tsv.gz`` (word clusters and lower-case shares learned from IndoSum, CC BY-SA 4.0; a
table of numbers per word, no text). Both are rebuilt by :mod:`kronik.training`.
"""
