"""The law as code, laid out like the law: ``sba/`` (13 CFR parts 109, 115, 120, 123),
``clemency/`` (28 CFR part 1 and proclamations), ``sentence/`` (18 U.S.C. 3585, 3624, 3632).
Dated values live in ``parameters/``."""
