"""The learned extractor: estimator contract, reproducible weight files, the shipped models and their
data discipline (no evaluation id in any training file), confidence on every record."""

from __future__ import annotations

import gzip
import json
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from softpower.extract import extract_text
from softpower.extract.evaluate import eval_ids, split_ids
from softpower.extract.learned.data import (
    families,
    family_folds,
    make_grouped_splits,
    make_splits,
    read_table,
    region_folds,
)
from softpower.extract.learned.model import TextClassifier
from softpower.extract.learned.weights import FINANCE, Models, load_models

TOY_X = [
    "China provided a concessional loan for the port",
    "Exim Bank extended a buyer's credit loan for the railway",
    "a preferential loan agreement for the highway",
    "China donated rice and tents after the earthquake",
    "emergency humanitarian aid after the floods",
    "relief supplies were handed over after the cyclone",
    "a grant for a new school building",
    "grant aid for the stadium construction",
    "China gave a grant for the conference centre",
]
TOY_Y = ["loan"] * 3 + ["relief"] * 3 + ["grant"] * 3


def _fit(**kw: object) -> TextClassifier:
    return TextClassifier(min_df=1, **kw).fit(TOY_X, TOY_Y)  # type: ignore[arg-type]


def test_estimator_contract() -> None:
    from sklearn.base import clone

    model = _fit(char_ngrams=(3, 4))
    assert set(model.classes_) == {"grant", "loan", "relief"}
    proba = model.predict_proba(["a loan for a bridge", "aid after the typhoon floods"])
    assert proba.shape == (2, 3) and np.allclose(proba.sum(axis=1), 1.0)
    assert list(model.predict(["a loan for a bridge"])) == ["loan"]
    assert clone(model).get_params() == model.get_params()
    assert model.predict_proba([]).shape == (0, 3)


def test_direct_probabilities_equal_scikit_learn() -> None:
    model = _fit(char_ngrams=(2, 4))
    texts = ["a buyer's credit loan", "tents after the cyclone", "", "unrelated words only"]
    ours = model.predict_proba(texts)
    theirs = model.lr_.predict_proba(model._features(texts))
    assert np.allclose(ours, theirs, atol=1e-9)


def test_a_text_given_twice_is_read_once_to_the_same_row() -> None:
    model = _fit(nb_C=1.0)
    texts = ["a buyer's credit loan", "tents after the cyclone", "a buyer's credit loan", "", ""]
    proba = model.predict_proba(texts)
    alone = np.vstack([model.predict_proba([t]) for t in texts])
    assert proba.shape == (5, 3) and np.array_equal(proba, alone)  # bit for bit, not only close
    assert np.array_equal(proba[0], proba[2]) and not np.array_equal(proba[0], proba[1])


def test_literal_gates_of_the_real_test_answer_as_their_regexes() -> None:
    from softpower.extract.learned.apply import _CONDITION, _UNREAL, _UNREAL_GATE
    from softpower.extract.rules import CONDITION

    texts = [
        "Japan provided a grant to Fiji.",
        "If Japan offered loans, Fiji would accept.",
        "China plans to build a port; unless funds arrive, it waits.",
        "Korea is set to open a centre next year.",
        "The IFAD grant supports planters in Laos.",  # "if" and "plan" inside words
        "Whether Japan will fund it is unclear.",
        "Japón y Perú firmaron un acuerdo if needed.",  # not ASCII: the regex decides
    ]
    for t in texts:
        assert _CONDITION(t, 0, len(t)) is (CONDITION.search(t) is not None)
        assert _UNREAL_GATE(t, 0, len(t)) is (_UNREAL.search(t) is not None)


def test_weight_file_round_trip_is_byte_stable(tmp_path: Path) -> None:
    a, b = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    _fit().save(a)
    _fit().save(b)  # refitted from scratch: the same bytes
    assert a.read_bytes() == b.read_bytes()
    loaded = TextClassifier.load_bytes(a.read_bytes())
    texts = ["a loan for the port", "grant for a school"]
    assert np.allclose(loaded.predict_proba(texts), _fit().predict_proba(texts), atol=1e-5)
    assert json.loads(gzip.decompress(a.read_bytes()))["classes"] == ["grant", "loan", "relief"]


def test_nb_weighted_second_model_is_averaged_in_and_survives_the_weight_file(tmp_path: Path) -> None:
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    model = _fit(nb_C=1.0)
    assert model.nb_coef_ is not None and model.nb_coef_.shape == model.coef_.shape
    texts = ["a buyer's credit loan", "tents after the cyclone", "", "a grant for a school"]
    X = model._features(texts)
    first = model.lr_.predict_proba(X)
    # the second model by hand: per class, NB log-count ratios scale the features of a binary fit
    Xt = model._features(TOY_X)
    present = Xt.copy()
    present.data[:] = 1.0
    y = np.asarray(TOY_Y)
    cols = []
    for c in model.classes_:
        pos = y == c
        p = 1.0 + np.asarray(present[pos].sum(axis=0)).ravel()
        q = 1.0 + np.asarray(present[~pos].sum(axis=0)).ravel()
        r = sparse.diags(np.log((p / p.sum()) / (q / q.sum())))
        w = np.where(pos, 0.5 / pos.mean(), 0.5 / (~pos).mean())
        lr = LogisticRegression(C=1.0, max_iter=2000, random_state=0).fit(Xt @ r, pos, sample_weight=w)
        cols.append(lr.predict_proba(X @ r)[:, 1])
    second = np.column_stack(cols)
    second /= second.sum(axis=1, keepdims=True)
    assert np.allclose(model.predict_proba(texts), (first + second) / 2, atol=1e-9)
    assert not np.allclose(first, second, atol=1e-3)  # the two models differ: the average is not the first
    path = tmp_path / "nb.json.gz"
    model.save(path)
    loaded = TextClassifier.load_bytes(path.read_bytes())
    assert np.allclose(loaded.predict_proba(texts), model.predict_proba(texts), atol=1e-5)
    # a file without the second model keeps its old form (no nb_C key, no nb coefficients)
    plain = json.loads(gzip.decompress(_save(_fit(), tmp_path / "plain.json.gz")))
    assert "nb_C" not in plain["params"] and "nb_coef" not in plain


def test_decision_offsets_move_the_class_odds_and_survive_the_weight_file(tmp_path: Path) -> None:
    texts = ["a buyer's credit loan", "tents after the cyclone", "", "a grant for a school"]
    plain = _fit()
    before = plain.predict_proba(texts)
    model = _fit().set_offsets({"relief": 1.5, "grant": -0.5})
    after = model.predict_proba(texts)
    assert np.allclose(after.sum(axis=1), 1.0)
    g, lo, r = (list(model.classes_).index(c) for c in ("grant", "loan", "relief"))
    # each class's odds against the loan (offset 0) move by exp(offset), the text's own evidence kept
    assert np.allclose(after[:, r] / after[:, lo], np.exp(1.5) * before[:, r] / before[:, lo])
    assert np.allclose(after[:, g] / after[:, lo], np.exp(-0.5) * before[:, g] / before[:, lo])
    path = tmp_path / "off.json.gz"
    model.save(path)
    loaded = TextClassifier.load_bytes(path.read_bytes())
    assert np.allclose(loaded.predict_proba(texts), after, atol=1e-5)
    # all zero is no offsets: the file keeps the bytes of a model fitted without them
    assert _save(_fit().set_offsets({"relief": 0.0}), tmp_path / "z.json.gz") == _save(
        plain, tmp_path / "p.json.gz"
    )
    assert "offsets" in json.loads(gzip.decompress(path.read_bytes()))


def test_chosen_offsets_raise_out_of_fold_macro_f1_and_leave_uncoded_classes() -> None:
    import pandas as pd

    from softpower.extract.learned.train import _macro_f1, choose_offsets

    rng = np.random.default_rng(0)
    # the out-of-fold model under-reads "experts": its descriptions read as loans first, experts second
    base = {
        "loan": [0.6, 0.15, 0.15, 0.1],
        "grant": [0.15, 0.6, 0.15, 0.1],
        "experts": [0.42, 0.13, 0.35, 0.1],
    }
    rows = []
    for i in range(300):
        gold = ["loan", "grant", "experts"][i % 3]
        p = np.asarray(base[gold]) + rng.uniform(0, 0.04, 4)
        p /= p.sum()
        rows.append({"id": f"d{i}", "gold": gold, "loan": p[0], "grant": p[1], "experts": p[2], "mou": p[3]})
    oof = pd.DataFrame(rows)
    classes = ["experts", "grant", "loan", "mou"]
    off = choose_offsets(oof, classes, [x / 4 for x in range(-12, 13)], passes=3)
    assert off.get("experts", 0.0) > 0 and "mou" not in off  # the coding never uses "mou": it stays 0
    names = np.asarray(classes)
    logp = np.log(oof[classes].to_numpy())
    vec = np.asarray([off.get(c, 0.0) for c in classes])
    plain = _macro_f1(oof["gold"].to_numpy(), names[logp.argmax(1)])
    moved = _macro_f1(oof["gold"].to_numpy(), names[(logp + vec).argmax(1)])
    assert moved > plain + 0.02
    assert choose_offsets(oof.iloc[:0], classes, [0.0, 1.0], passes=1) == {}


def _save(model: TextClassifier, path: Path) -> bytes:
    model.save(path)
    return path.read_bytes()


def test_a_delexicalised_model_reads_names_and_figures_as_tags(tmp_path: Path) -> None:
    x = [
        "China provided a loan of 50 million dollars to Ghana for the port",
        "China Eximbank extended a loan to Zambia for the railway",
        "a loan agreement with Kenya for the highway",
        "China donated rice and tents to Mali after the earthquake",
        "relief supplies were handed over to Sudanese victims",
        "emergency aid of RMB 5 million to Niger after the floods",
    ]
    model = TextClassifier(min_df=1, delexicalise=True).fit(x, ["loan"] * 3 + ["relief"] * 3)
    vocab = set(model.specs_[0][1])
    assert {"xstatex", "xdonorx", "xmoneyx"} <= vocab
    assert not {"ghana", "zambia", "mali", "rmb", "50"} & vocab  # no recipient, currency or figure
    # recipients, sums and years written differently read the same
    p = model.predict_proba(
        ["a loan of $3 billion to Laos in 2015", "a loan of RMB 40 million to Peru in 1999"]
    )
    assert np.allclose(p[0], p[1])
    plain = TextClassifier(min_df=1).fit(x, ["loan"] * 3 + ["relief"] * 3)
    assert "ghana" in set(plain.specs_[0][1])
    # the option travels in the weight file, so prediction reads the texts as the fit did
    loaded = TextClassifier.load_bytes(_save(model, tmp_path / "delex.json.gz"))
    assert loaded.delexicalise
    assert np.allclose(loaded.predict_proba(["aid to Chad after the floods"]),
                       model.predict_proba(["aid to Chad after the floods"]), atol=1e-5)  # fmt: skip
    # a model without the option keeps its old file form
    assert "delexicalise" not in json.loads(gzip.decompress(_save(plain, tmp_path / "p.json.gz")))["params"]


def test_a_sentence_block_reads_the_records_own_sentence_apart_from_its_context(tmp_path: Path) -> None:
    from scipy import sparse

    from softpower.extract.learned.data import first_sentence, with_sentence

    x = [
        with_sentence(
            "China provided a loan to Ghana. The port trains engineers.", "China provided a loan to Ghana."
        ),
        "a loan agreement with Kenya for the highway",
        "an interest-free loan to Zambia",
        with_sentence("China sent experts to Mali. They train farmers.", "China sent experts to Mali."),
        "technical experts trained farmers in Niger",
        "experts of agriculture went to Chad",
    ]
    y = ["loan"] * 3 + ["tc"] * 3
    model = TextClassifier(min_df=1, sentence_ngrams=2).fit(x, y)
    assert len(model.specs_) == 2
    # the context block never sees the sentence a second time, the sentence block never the context
    assert "engineers" in model.specs_[0][1] and "engineers" not in model.specs_[1][1]
    # a text without the separator is its own sentence: both blocks read it
    assert "highway" in model.specs_[0][1] and "highway" in model.specs_[1][1]
    # the direct arithmetic equals scikit-learn's on the two blocks
    mats = [v.transform(p) for v, p in zip(model.vectorisers_, model._parts(x), strict=True)]
    want = model.lr_.predict_proba(sparse.hstack(mats, format="csr"))
    assert np.allclose(model.predict_proba(x), want, atol=1e-6)
    # the same context read with another sentence reads differently
    ctx = "The port trains engineers. China provided a loan."
    a, b = model.predict_proba(
        [with_sentence(ctx, "China provided a loan."), with_sentence(ctx, "The port trains engineers.")]
    )
    assert not np.allclose(a, b)
    # the block travels in the weight file; a model without it keeps its old file form
    loaded = TextClassifier.load_bytes(_save(model, tmp_path / "sent.json.gz"))
    assert loaded.sentence_ngrams == 2
    assert np.allclose(loaded.predict_proba(x), model.predict_proba(x), atol=1e-5)
    plain = TextClassifier(min_df=1).fit(x, y)
    assert (
        "sentence_ngrams" not in json.loads(gzip.decompress(_save(plain, tmp_path / "p.json.gz")))["params"]
    )
    assert first_sentence("One act. Then notes.") == "One act."


def test_region_folds_hold_out_a_region_and_every_family_reaching_into_it() -> None:
    import pandas as pd

    docs = pd.DataFrame(
        {
            "id": ["gcof:1", "gcof:2", "gcof:3", "gcof:4", "gcof:5"],
            "title": ["14th medical team", "15th medical team", "Port loan", "Road loan", "Stadium"],
            "text": ["Doctors went to Mali.", "Doctors went to Peru.", "A port.", "A road.", "A stadium."],
        }
    )
    regions = {"gcof:1": "Africa", "gcof:2": "Latin America", "gcof:3": "Africa", "gcof:4": "Europe",
               "gcof:5": "Latin America"}  # fmt: skip
    folds = {name: (held, train) for name, held, train in region_folds(docs, regions, 0.8)}
    assert sorted(folds) == ["Africa", "Europe", "Latin America"]
    # the medical-team family spans Africa and Latin America: trained on in neither of their folds
    assert folds["Africa"] == (["gcof:1", "gcof:3"], ["gcof:4", "gcof:5"])
    assert folds["Latin America"] == (["gcof:2", "gcof:5"], ["gcof:3", "gcof:4"])
    assert folds["Europe"] == (["gcof:4"], ["gcof:1", "gcof:2", "gcof:3", "gcof:5"])
    with pytest.raises(KeyError):
        region_folds(docs, {"gcof:1": "Africa"}, 0.8)


def test_binary_models_give_two_columns() -> None:
    model = TextClassifier(min_df=1).fit(TOY_X, ["1"] * 3 + ["0"] * 6)
    p = model.predict_proba(["a loan", "tents"])
    assert p.shape == (2, 2)
    assert np.allclose(p, model.lr_.predict_proba(model._features(["a loan", "tents"])), atol=1e-9)


def test_splits_are_seeded_and_disjoint() -> None:
    ids = [f"gcof:{i}" for i in range(50)]
    train, dev = make_splits(ids, 0.2, seed=3)
    assert len(dev) == 10 and not set(train) & set(dev) and sorted(train + dev) == sorted(ids)
    assert make_splits(ids, 0.2, seed=3) == (train, dev)
    assert make_splits(ids, 0.2, seed=4) != (train, dev)


def test_families_join_series_and_near_copies_only() -> None:
    ids = ["gcof:5", "gcof:2", "gcof:9", "gcof:7", "gcof:1"]
    titles = ["14th Chinese medical team", "15th Chinese medical team", "Loan for a port", "", "Grant"]
    texts = [
        "In 2004 the 14th team of doctors went to Zambia.",
        "Doctors from Hunan reached Mali in 2006.",
        "China Eximbank lent 50 million dollars for the port of Tema, which opened in 2010.",
        "China Eximbank lent 50 million dollars for the port of Tema, which opened in 2011.",
        "A grant for office equipment of the foreign ministry.",
    ]
    fam = families(ids, titles, texts, similarity=0.8)
    # the medical-team series by its title bar digits; the two port loans by their near-copy text
    assert fam == ["gcof:2", "gcof:2", "gcof:7", "gcof:7", "gcof:1"]
    # the same rows in another order give the same families
    rev = families(ids[::-1], titles[::-1], texts[::-1], similarity=0.8)
    assert rev == fam[::-1]
    # a stricter similarity keeps the port loans apart (their cosine is below 1)
    assert families(ids, titles, texts, similarity=0.999)[2:4] == ["gcof:9", "gcof:7"]


def test_grouped_splits_keep_each_family_on_one_side() -> None:
    ids = [f"gcof:{i}" for i in range(60)]
    groups = [f"g{i // 4}" for i in range(60)]  # 15 families of 4
    train, dev = make_grouped_splits(ids, groups, 0.2, seed=3)
    assert sorted(train + dev) == sorted(ids) and not set(train) & set(dev)
    assert len(dev) == 12
    side = {i: i in set(dev) for i in ids}
    for g in set(groups):
        assert len({side[i] for i, h in zip(ids, groups, strict=True) if h == g}) == 1
    assert make_grouped_splits(ids, groups, 0.2, seed=3) == (train, dev)
    assert make_grouped_splits(ids, groups, 0.2, seed=4) != (train, dev)


def test_committed_split_has_no_family_across_it() -> None:
    from softpower.extract.learned import train as T

    cfg = T.read_config(T.MODEL_DIR / "config.toml")
    assert cfg["data"]["dev_grouping"] == "family"
    table = read_table(T.MODEL_DIR / "training" / "aiddata.csv.gz")
    docs = table[table["source"].isin(["aiddata-gcof", "aiddata-gcdf"])]
    fam = families(
        docs["id"].tolist(), docs["title"].tolist(), docs["text"].tolist(), cfg["data"]["family_similarity"]
    )
    dev = set(split_ids("dev"))
    sides: dict[str, set[bool]] = {}
    for i, f in zip(docs["id"], fam, strict=True):
        sides.setdefault(f, set()).add(i in dev)
    assert all(len(s) == 1 for s in sides.values())
    assert len(dev) == round(cfg["data"]["dev_share"] * len(docs))


def test_policy_pick_ranks_near_best_by_actor_recipient_then_gold() -> None:
    from softpower.extract.learned.train import pick_policy

    a, b, c, d = ({"name": x} for x in "abcd")
    # b is best on macro-F1 by 0.004; within a tie of 0.005, a's better gold F1 wins (same actor+recipient)
    cands = [(0.787, 0.876, 0.880, a), (0.791, 0.876, 0.874, b), (0.70, 0.95, 0.95, c)]
    assert pick_policy(cands, 0.005) == a
    assert pick_policy(cands, 0.002) == b  # outside the tie the macro-F1 decides
    # actor+recipient comes before gold F1; c is far below the best and never near
    cands.append((0.789, 0.880, 0.850, d))
    assert pick_policy(cands, 0.005) == d
    # equal on all three: the first in grid order
    assert pick_policy([(0.8, 0.9, 0.9, a), (0.8, 0.9, 0.9, b)], 0.0) == a


def test_a_policy_below_the_seeds_floor_or_the_gold_guard_is_no_candidate() -> None:
    from softpower.extract.learned.train import MODEL_DIR, admissible, policy_name, read_config

    ok = {"gold_engagement_f1": 0.88, "seeds_f1": 0.855}
    assert admissible(ok, base=0.87, guard=0.0, seeds_floor=0.85)
    assert not admissible({**ok, "seeds_f1": 0.848}, base=0.87, guard=0.0, seeds_floor=0.85)
    assert not admissible({**ok, "gold_engagement_f1": 0.86}, base=0.87, guard=0.0, seeds_floor=0.85)
    assert admissible({**ok, "gold_engagement_f1": 0.86}, base=0.87, guard=0.02, seeds_floor=0.85)
    # no floor configured, or no seed essays to read (a checkout without ../shared): the guard alone decides
    assert admissible({**ok, "seeds_f1": 0.5}, base=0.87, guard=0.0, seeds_floor=0.0)
    assert admissible({"gold_engagement_f1": 0.88}, base=0.87, guard=0.0, seeds_floor=0.85)
    # the shipped configuration holds issue 11's floor, and the shipped policy was chosen under it
    assert read_config(MODEL_DIR / "config.toml")["policy"]["seeds_floor"] == 0.85
    metrics = json.loads((MODEL_DIR / "metrics.json").read_text())
    assert metrics["dev"][policy_name(load_models())]["seeds_f1"] >= 0.85


def test_no_evaluation_id_in_any_training_file() -> None:
    frozen = eval_ids()
    train, dev = set(split_ids("train")), set(split_ids("dev"))
    assert train and dev and not train & dev
    assert not frozen & train and not frozen & dev
    base = resources.files("softpower.data").joinpath("extract_model")
    table = read_table(Path(str(base.joinpath("training/aiddata.csv.gz"))))
    assert not frozen & set(table["id"])
    assert set(table["id"]) == train | dev


def test_title_units_come_from_training_split_rows_only() -> None:
    from softpower.extract.learned import train as T

    cfg = T.read_config(T.MODEL_DIR / "config.toml")
    assert cfg["data"]["title_units"]
    ts = T.training_set(cfg, T.MODEL_DIR, None)
    titles = ts.instrument[ts.instrument["source"] == "aiddata-title"]
    ids = {i.removesuffix("#title") for i in titles["id"]}
    train = set(split_ids("train"))
    assert len(titles) > 1000 and ids <= train
    assert not ids & set(split_ids("dev")) and not ids & eval_ids()
    table = read_table(T.MODEL_DIR / cfg["data"]["aiddata_table"]).set_index("id")
    row = titles.iloc[0]
    assert row["text"] == table.loc[row["id"].removesuffix("#title"), "title"].strip()
    assert row["instrument"] == table.loc[row["id"].removesuffix("#title"), "instrument"]


def test_real_instrument_weight_repeats_the_real_text_sentences_for_the_instrument_model_only() -> None:
    """``data.real_instrument_weight``: the real-text gold sentences weigh this many times in the
    instrument model's units (other gold keeps ``gold_weight``); the act model's units do not change."""
    from softpower.extract.learned import train as T

    cfg = T.read_config(T.MODEL_DIR / "config.toml")
    cfg["data"]["prune_below"] = 0.0
    ids = ([i for i in split_ids("train") if i.startswith("gcof:")][:6], split_ids("dev")[:2])
    gold = int(cfg["data"]["gold_weight"])
    counts = {}
    for w in (gold, 1, 0):
        cfg["data"]["real_instrument_weight"] = w
        ts = T.training_set(cfg, T.MODEL_DIR, None, ids=ids)
        src = ts.instrument["source"].astype(str)
        real, dev = ts.instrument[src.eq("gold-real")], ts.instrument[src.eq("gold-dev")]
        counts[w] = (len(real), real["id"].nunique(), len(dev), len(ts.act))
    n = counts[gold][1]
    assert n > 100 and counts[gold][0] == gold * n
    assert counts[1][:2] == (n, n) and counts[0][:2] == (0, 0)
    assert counts[gold][2] == counts[1][2] == counts[0][2] > 0  # the other gold keeps its weight
    assert counts[gold][3] == counts[1][3] == counts[0][3]  # the act model reads the same units


def test_training_set_takes_given_ids_instead_of_the_split() -> None:
    """The cross-validation of ``eval_aiddata.py --cv`` passes each fold's ids: only those rows train."""
    from softpower.extract.learned import train as T

    cfg = T.read_config(T.MODEL_DIR / "config.toml")
    # label pruning (data.prune_below, its own test below) may drop one of six descriptions read by a
    # model fitted on the other five and the gold units; this test is about the ids, so it is off here
    cfg["data"]["prune_below"] = 0.0
    dev_ids = split_ids("dev")[:4]
    train_ids = [i for i in split_ids("train") if i.startswith("gcof:")][:6]
    ts = T.training_set(cfg, T.MODEL_DIR, None, ids=(train_ids, dev_ids))
    assert sorted(ts.dev["id"]) == sorted(dev_ids)
    aid = ts.instrument[ts.instrument["source"].str.startswith("aiddata")]
    bases = {i.split("#")[0] for i in aid["id"]}
    assert bases == set(train_ids)  # each gives its description, sentences and title


def test_shipped_models_and_policy() -> None:
    models = load_models()
    assert models is not None
    assert set(models.instrument.classes_) >= FINANCE
    assert list(models.act.classes_) == ["0", "1"]
    assert 0.5 <= models.act_threshold <= 1.0
    meta = json.loads(resources.files("softpower.data").joinpath("extract_model/metrics.json").read_text())
    assert meta["policy"]["instrument"] == models.policy
    # the chosen policy beat the rules on the frozen dev split
    from softpower.extract.learned.train import policy_name

    chosen = policy_name(models)
    assert meta["dev"][chosen]["instrument_macro_f1"] > meta["dev"]["rules"]["instrument_macro_f1"]


@pytest.mark.parametrize(
    ("sentence", "instrument"),
    [
        ("In 2009, China provided a USD 300 million buyer's credit to Angola for a railway.", "oda_loan"),
        (
            "In 2011, China extended an export credit of USD 50 million to Ghana for a power plant.",
            "oda_loan",
        ),
        (
            "In 2015, China provided USD 2 million in emergency aid to Nepal after the earthquake.",
            "disaster_cooperation",
        ),
    ],
)
def test_error_classes_on_new_sentences(sentence: str, instrument: str) -> None:
    recs = [r for r in extract_text("t.txt", sentence) if r["kind"] == "engagement"]
    assert recs and recs[0]["instrument"] == instrument, recs


def test_a_missed_act_is_proposed_and_rules_alone_miss_it() -> None:
    text = "On 2 November 2011, China's embassy handed 20,000 US dollars cash aid to Somalia to tackle the drought."
    assert not [r for r in extract_text("t.txt", text, learned=False) if r["kind"] == "engagement"]
    recs = [r for r in extract_text("t.txt", text) if r["kind"] == "engagement"]
    assert recs and recs[0]["actor"] == "CHN" and recs[0]["partners"] == ["SOM"]
    assert recs[0]["amount"] == 20000 and recs[0]["currency"] == "USD" and recs[0]["year"] == 2011
    assert text[recs[0]["span"][0] : recs[0]["span"][1]] == recs[0]["quote"]


def test_every_record_carries_a_confidence() -> None:
    text = (
        "In 2008, Japan provided a 3.7 billion yen loan to Cambodia. "
        "Japan and Vietnam signed a memorandum on maritime security in 2019. "
        "In a 2019 survey, 61% of respondents in Fiji agreed that Japan is a trustworthy partner."
    )
    recs = extract_text("t.txt", text)
    assert {r["kind"] for r in recs} >= {"engagement", "perception"}
    assert all(0.0 <= r["confidence"] <= 1.0 for r in recs)
    assert "confidence" not in extract_text("t.txt", text, learned=False)[0]


def test_a_given_model_set_is_used_instead_of_the_shipped_one() -> None:
    shipped = load_models()
    assert shipped is not None
    rules_only = Models(shipped.instrument, shipped.act, 1.01, "rules", 0.0)
    text = "In 2015, China provided USD 2 million in emergency aid to Nepal after the earthquake."
    kept = extract_text("t.txt", text, learned=rules_only)
    assert [r["instrument"] for r in kept] == [
        r["instrument"] for r in extract_text("t.txt", text, learned=False)
    ]


def test_min_confidence_filters_records(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from softpower.cli import app

    doc = tmp_path / "mixed.txt"
    doc.write_text(
        "In 2008, Japan provided a 3.7 billion yen loan to Cambodia. "
        "In 2015, Korea donated US$2 million to Nepal for earthquake relief. "
        "Japan and Vietnam signed a memorandum on maritime security in 2019.\n",
        encoding="utf-8",
    )
    everything = CliRunner().invoke(app, ["extract", str(doc)])
    assert everything.exit_code == 0, everything.output
    conf = sorted(json.loads(x)["confidence"] for x in everything.stdout.splitlines())
    assert len(conf) == 3 and conf[0] < conf[-1]
    cut = (conf[0] + conf[-1]) / 2
    kept = CliRunner().invoke(app, ["extract", str(doc), "--min-confidence", f"{cut}"])
    assert kept.exit_code == 0, kept.output
    kept_conf = [json.loads(x)["confidence"] for x in kept.stdout.splitlines()]
    assert 0 < len(kept_conf) < 3 and sorted(kept_conf) == [c for c in conf if c >= cut]
    bad = CliRunner().invoke(app, ["extract", str(doc), "--min-confidence", "1.5"])
    assert bad.exit_code == 2


@pytest.mark.parametrize("analyzer", ["word", "char_wb"])
def test_own_analysers_equal_scikit_learn(analyzer: str) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from softpower.extract.learned.model import char_wb_analyser, word_analyser

    texts = [
        "",
        "a",
        "Exim  Bank's  US$ 2.5bn loan,\tsigned 3 March 2015",
        "Ōsaka—Côte d'Ivoire  x",
        "ab cd ef gh",
    ]
    for rng in [(1, 1), (1, 3), (2, 4), (3, 5)]:
        ours = word_analyser(rng, r"(?u)\b\w+\b", True) if analyzer == "word" else char_wb_analyser(rng, True)
        theirs = TfidfVectorizer(
            analyzer=analyzer, ngram_range=rng, token_pattern=r"(?u)\b\w+\b"
        ).build_analyzer()
        for t in texts:
            assert sorted(ours(t)) == sorted(theirs(t)), (rng, t)


def test_cli_and_extraction_start_without_scikit_learn() -> None:
    import subprocess
    import sys

    code = (
        "import sys, softpower.cli\n"
        "from softpower.extract import extract_text\n"
        "recs = extract_text('t.txt', 'In 2008, Japan provided a 3.7 billion yen loan to Cambodia.')\n"
        "assert recs and recs[0]['confidence'] is not None\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sklearn', 'scipy')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("sentence", "actor", "partner"),
    [
        (
            "On 30 June 2011, a loan was signed by the China Exim Bank and the Ethiopian Government worth "
            "123 million USD for a sugar factory.",
            "CHN",
            "ETH",
        ),
        ("In 2012, the Export-Import Bank of China extended a USD 95 million loan to Kenya.", "CHN", "KEN"),
        (
            "In 2010, Sinohydro signed a USD 40 million buyer's credit with the government of Zambia.",
            "CHN",
            "ZMB",
        ),
        ("In 2007, China granted 2,000 scholarships to Ghanaian students.", "CHN", "GHA"),
    ],
)
def test_official_organisations_and_demonyms_resolve(sentence: str, actor: str, partner: str) -> None:
    recs = [r for r in extract_text("t.txt", sentence) if r["kind"] == "engagement"]
    assert recs and recs[0]["actor"] == actor and partner in recs[0]["partners"], recs


def test_gazetteer_rows_are_known_states_and_kinds() -> None:
    from softpower.extract.entities import GAZETTEER_KINDS, gazetteer

    rows = gazetteer()
    assert len(rows) > 300 and len({r[0] for r in rows}) == len(rows)
    assert {r[2] for r in rows} <= GAZETTEER_KINDS
    assert ("China Exim Bank", "CHN", "organisation") in rows


@pytest.mark.parametrize(
    ("sentence", "actor", "partner"),
    [
        ("In 2012, Wen Jiabao pledged a $20 million grant to Nepal for a hospital.", "CHN", "NPL"),
        ("Shinzo Abe announced a loan of 100 billion yen to Sri Lanka in 2015.", "JPN", "LKA"),
        ("In 2010, Lee Myung-bak offered Mongolia a grant for a training centre.", "KOR", "MNG"),
    ],
)
def test_a_donor_official_named_in_person_acts_for_the_state(sentence: str, actor: str, partner: str) -> None:
    from softpower.extract.entities import gazetteer

    assert ("Wen Jiabao", "CHN", "official") in gazetteer()
    recs = [r for r in extract_text("t.txt", sentence) if r["kind"] == "engagement"]
    assert recs and recs[0]["actor"] == actor and partner in recs[0]["partners"], recs


@pytest.mark.parametrize(
    ("text", "real"),
    [
        ("In 2005, the Chinese government cancelled $40 million of debt owed by Zambia.", True),
        ("The debt of Togo was cancelled by China in 2008.", True),
        ("China cancelled the loan to Zambia.", False),
        ("The debt was not cancelled.", False),
        ("China cancelled the project and later rescheduled debts.", False),
    ],
)
def test_a_debt_cancellation_is_an_act_not_a_negation(text: str, real: bool) -> None:
    from softpower.extract.learned.apply import _real

    assert _real(text, 0, len(text)) is real


def test_a_document_stating_only_a_debt_cancellation_gets_an_engagement() -> None:
    text = "In 2005, the Chinese government cancelled $40 million of debt owed by Zambia."
    recs = [r for r in extract_text("t.txt", text) if r["kind"] == "engagement"]
    assert [(r["actor"], r["partners"], r["amount"]) for r in recs] == [("CHN", ["ZMB"], 40_000_000.0)]
    negated = "In 2005, the Chinese government did not cancel the debt owed by Zambia."
    assert not [r for r in extract_text("t.txt", negated) if r["kind"] == "engagement"]


@pytest.mark.parametrize(
    "sentence",
    [
        "China has provided a total of $5 billion in aid to Cambodia since 2000.",
        "Since 2000, Japan has extended cumulative ODA loans of JPY 300 billion to Vietnam.",
        "Between 1992 and 2015 Japan disbursed USD 2.1 billion in grants to Laos in total.",
    ],
)
def test_cumulative_totals_are_not_acts(sentence: str) -> None:
    assert not [r for r in extract_text("t.txt", sentence) if r["kind"] == "engagement"]


def test_a_total_within_one_year_is_still_an_act() -> None:
    recs = [r for r in extract_text("t.txt", "In 2015, China signed loans totalling $2 billion with Laos.")]
    assert [(r["kind"], r["actor"], r["partners"], r["amount"]) for r in recs] == [
        ("engagement", "CHN", ["LAO"], 2_000_000_000.0)
    ]


@pytest.mark.parametrize(
    ("text", "partner", "instrument"),
    [
        (
            "The Chinese ambassador attended the handover of 40 tractors to farmers in Zambia in June 2012.",
            "ZMB",
            "oda_grant",
        ),
        (
            "In 2008, a Chinese medical team of 15 doctors began a two-year mission at the main hospital in Maseru.",
            "LSO",
            "health_cooperation",
        ),
    ],
)
def test_a_document_without_an_act_gets_its_most_probable_one(
    text: str, partner: str, instrument: str
) -> None:
    import dataclasses

    models = load_models()
    assert models is not None and models.fallback_threshold is not None
    # the rules alone (no act proposals above 1.0, no recall model, no fallback) find no act ...
    rules = dataclasses.replace(models, act_threshold=1.01, recall=None)
    without = dataclasses.replace(rules, fallback_threshold=None)
    assert not [r for r in extract_text("t.txt", text, learned=without) if r["kind"] == "engagement"]
    # ... the document's fallback alone proposes the act, and the shipped models keep it
    for learned in (rules, models):
        recs = [r for r in extract_text("t.txt", text, learned=learned) if r["kind"] == "engagement"]
        assert [(r["actor"], r["partners"], r["instrument"]) for r in recs] == [
            ("CHN", [partner], instrument)
        ]


@pytest.mark.parametrize(
    "text",
    [
        "If China offered tractors to farmers in Zambia, the Chinese ambassador would attend the handover.",
        "The Chinese ambassador is expected to attend the handover of 40 tractors to farmers in Zambia next year.",
        "The Chinese ambassador did not attend the handover of 40 tractors to farmers in Zambia.",
    ],
)
def test_the_fallback_never_proposes_a_conditional_planned_or_negated_sentence(text: str) -> None:
    assert not [r for r in extract_text("t.txt", text) if r["kind"] == "engagement"]


def test_an_act_takes_the_year_its_paragraph_dates_it() -> None:
    text = (
        "On 20 June 2012, China Eximbank and the Government of Tanzania signed a financing agreement for a gas "
        "pipeline. It comprises a $275 million buyer's credit loan from China Eximbank to Tanzania.\n\n"
        "China also provided a $10 million grant to Tanzania for a school."
    )
    recs = [r for r in extract_text("t.txt", text) if r["kind"] == "engagement"]
    loan = [r for r in recs if r["amount"] == 275_000_000]
    assert loan and loan[0]["year"] == 2012 and loan[0]["instrument"] == "oda_loan"
    grant = [r for r in recs if r["amount"] == 10_000_000]
    assert grant and grant[0]["year"] is None  # another paragraph: no year carried over


def test_finance_like_policy_overrides_generic_rule_instruments_only() -> None:
    from softpower.extract.learned.weights import GENERIC

    models = load_models()
    assert models is not None
    import dataclasses

    m = dataclasses.replace(models, policy="finance_like", min_probability=0.4, outside_floor=0.0)
    money = "China and Laos signed an agreement on a $20 million grant for a hospital."
    assert m.may_change("diplomatic_framework", money) and "diplomatic_framework" in GENERIC
    assert not m.may_change("diplomatic_framework", "China and Laos signed a strategic partnership.")
    assert not m.may_change("security_agreement", money)
    assert m.use_model("oda_grant", "health_cooperation", 0.5, money)
    assert not m.use_model("oda_grant", "security_agreement", 0.9, money)
    # what aid pays for makes an agreement finance-like: "an agreement for China to build a school"
    build = "Senegal and China signed an agreement on the construction of rural schools."
    assert m.may_change("diplomatic_framework", build)
    assert m.may_change("diplomatic_framework", "China and Ghana signed a MoU on sending medical teams.")
    assert not m.may_change(
        "diplomatic_framework", "China and Kenya signed an agreement to enhance cooperation."
    )


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "In May 2012, the Chinese government donated 30 police motorcycles worth USD 200,000 to the "
            "Ghana Police Service.",
            "security_agreement",
        ),
        (
            "In 2011, the Chinese embassy handed over 20 police patrol cars worth 3 million yuan to the "
            "Zambian police.",
            "military_activity",
        ),
    ],
)
def test_a_rule_class_outside_finance_in_finance_words_takes_the_models_class(text: str, rule: str) -> None:
    import dataclasses

    models = load_models()
    assert models is not None
    off = dataclasses.replace(models, policy="finance_like", outside_floor=0.0)
    on = dataclasses.replace(off, outside_floor=0.5)

    def instruments(m: Models) -> list[str]:
        return [
            str(r["instrument"]) for r in extract_text("t.txt", text, learned=m) if r["kind"] == "engagement"
        ]

    # a gift of police vehicles: the rules read "police" / "patrol"; AidData codes such gifts as grants
    assert instruments(off) == [rule]
    assert instruments(on) == ["oda_grant"]
    assert on.may_change(rule, text) and not off.may_change(rule, text)
    # the same cue without finance words stays the rules' reading, and so does a class below the floor
    drill = "China and Vietnam held a joint naval drill in the Gulf of Tonkin in 2015."
    assert [r["instrument"] for r in extract_text("t.txt", drill, learned=on)] == ["military_activity"]
    assert not on.may_change("military_activity", drill)
    assert on.use_model(rule, "oda_grant", 0.5, text) and not on.use_model(rule, "oda_grant", 0.49, text)
    assert not on.use_model(rule, "trade_agreement", 0.9, text)


def test_a_generic_record_in_a_short_document_reads_the_whole_document() -> None:
    import dataclasses

    models = load_models()
    assert models is not None
    on = dataclasses.replace(models, policy="finance_like", document_chars=5000, document_floor=0.5)
    off = dataclasses.replace(on, document_chars=0)
    agreement = "In March 2010, China and Kenya signed 12 agreements to enhance cooperation."
    road = (
        "The road between Nairobi and Thika is to be built with a concessional loan at 2 % interest, "
        "repayable over 20 years, and construction began in 2011."
    )
    text = agreement + "\n\n" + road

    def first(t: str, m: Models) -> str:
        return [r["instrument"] for r in extract_text("t.txt", t, learned=m) if r["kind"] == "engagement"][0]

    assert first(text, off) == "diplomatic_framework"
    assert first(text, on) == "oda_loan"
    # a long document is not one project's description: the record keeps the rule's instrument
    assert first(text + "\n\n" + " ".join([road] * 40), on) == "diplomatic_framework"
    assert on.reads_document("diplomatic_framework", agreement, len(text))
    assert not on.reads_document("diplomatic_framework", agreement, 6000)
    assert not on.reads_document("security_agreement", agreement, len(text))
    assert not on.reads_document("diplomatic_framework", agreement + " It brings a $5 million grant.", 300)
    assert not off.reads_document("diplomatic_framework", agreement, len(text))


def test_one_act_document_takes_the_documents_reading_where_it_is_surer() -> None:
    import dataclasses

    models = load_models()
    assert models is not None
    on = dataclasses.replace(models, policy="finance_like", document_chars=5000, document_override="weaker")
    off = dataclasses.replace(on, document_override="none")
    text = (
        "In 2010, China provided RMB 20 million to Lesotho. The funds paid for 40 scholarships for Lesotho "
        "students to study at Chinese universities, and a training seminar for civil servants in Beijing."
    )

    def instruments(t: str, m: Models) -> list[str]:
        return [
            str(r["instrument"]) for r in extract_text("t.txt", t, learned=m) if r["kind"] == "engagement"
        ]

    # the first sentence's own words read as a grant; the whole description as scholarships
    assert instruments(text, off) == ["oda_grant", "people_exchange", "technical_cooperation"]
    # the scholarships and the seminar were told apart in one sentence by the rules: kept
    assert instruments(text, on) == ["people_exchange", "people_exchange", "technical_cooperation"]
    assert on.overrides(len(text)) and not off.overrides(len(text)) and not on.overrides(6000)
    # a second pair of states: the document states more than one act, each record keeps its reading
    other = text + " In 2011, Japan provided a grant of USD 2 million to Vietnam for a school."
    assert instruments(other, on)[0] == "oda_grant"
    # a long document is not one project's description
    assert (
        instruments(text + "\n\n" + " ".join(["The weather was fine that year."] * 200), on)[0] == "oda_grant"
    )


@pytest.mark.parametrize(
    ("text", "actor", "instrument"),
    [
        (
            "In June 2014, the Chinese Government issued a buyer's credit loan for a petrochemical plant. "
            "The face value of the loan is unknown.",
            "CHN",
            "oda_loan",
        ),
        (
            "In 2009, the Chinese Embassy handed over a maize flour mill to a farmers' cooperative. "
            "The value of the mill is unknown.",
            "CHN",
            "oda_grant",
        ),
    ],
)
def test_an_uncosted_fallback_act_of_a_donor_power_naming_no_partner_goes_to_world(
    text: str, actor: str, instrument: str
) -> None:
    import dataclasses

    models = load_models()
    assert models is not None and models.fallback_world == "donor"
    costed = dataclasses.replace(models, fallback_world="costed")
    assert not [r for r in extract_text("t.txt", text, learned=costed) if r["kind"] == "engagement"]
    recs = [r for r in extract_text("t.txt", text) if r["kind"] == "engagement"]
    assert [(r["actor"], r["partners"], r["instrument"]) for r in recs] == [(actor, ["WORLD"], instrument)]


def test_an_uncosted_fallback_act_of_a_state_outside_the_donor_powers_is_not_proposed() -> None:
    text = "The medical teams trained more than 160 Solomon Island medical professionals, farmers and police."
    assert not [r for r in extract_text("t.txt", text) if r["kind"] == "engagement"]


# -- training data: the real-text training half and review decisions (make train) --------------
REAL = Path(__file__).parent / "data" / "extract" / "real"


def test_only_the_training_half_of_the_real_text_corpus_is_learned_from() -> None:
    from softpower.extract.learned.data import real_train_units

    split = json.loads((REAL / "split.json").read_text())
    units = real_train_units(REAL)
    docs = {i.split(":", 1)[1].rsplit("#", 1)[0] for i in units["id"]}
    assert docs == set(split["train"]) and not docs & set(split["eval"])
    assert units["act"].sum() > 0 and units["instrument"].ne("").sum() == units["act"].sum()
    eval_text = {(REAL / "docs" / d).read_text(encoding="utf-8") for d in split["eval"]}
    assert not any(u in t for u in units["text"] if len(u) > 80 for t in eval_text)


def _decision_file(tmp_path: Path, decision: str, corrected: dict[str, object]) -> Path:
    from softpower.extract.review import FORMAT, record_key

    text = "In 2012, Korea provided grant aid worth $5 million to Laos for a district clinic."
    (rec,) = [r for r in extract_text("note.txt", text) if r["kind"] == "engagement"]
    assert rec["instrument"] == "oda_grant"
    line = {"format": FORMAT, "key": record_key(rec), "decision": decision, "record": rec,
            "corrected": corrected, "reviewer": "A. Analyst", "time": "2026-12-05T08:10:00Z"}  # fmt: skip
    folder = tmp_path / decision
    folder.mkdir()
    (folder / "b.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    (folder / "README.md").write_text("not a decision file\n", encoding="utf-8")
    return folder


def test_a_corrected_instrument_in_a_decision_file_changes_what_is_learned(tmp_path: Path) -> None:
    from softpower.extract.learned import train as T
    from softpower.extract.learned.data import decision_files, decision_units

    accepted = _decision_file(tmp_path, "accept", {})
    corrected = _decision_file(tmp_path, "correct", {"instrument": "health_cooperation"})
    rejected = _decision_file(tmp_path, "reject", {})
    assert [p.name for p in decision_files(corrected)] == ["b.jsonl"]
    units = {name: decision_units(decision_files(f)) for name, f in
             [("accept", accepted), ("correct", corrected), ("reject", rejected)]}  # fmt: skip
    assert units["accept"][["instrument", "act"]].values.tolist() == [["oda_grant", 1]]
    assert units["correct"][["instrument", "act"]].values.tolist() == [["health_cooperation", 1]]
    assert units["reject"][["instrument", "act"]].values.tolist() == [["", 0]]
    # make train's training set takes the folder named in the configuration
    cfg = T.read_config(T.MODEL_DIR / "config.toml")
    cfg["data"]["decisions"] = str(corrected)
    ts = T.training_set(cfg, T.MODEL_DIR, None)
    mine = ts.instrument[ts.instrument["source"] == "review"]
    assert len(mine) == int(cfg["data"]["gold_weight"]) and set(mine["instrument"]) == {"health_cooperation"}
    assert ts.sources["review"] == 1
    # and what a model learns from them differs: the quote is read as the analyst corrected it
    quote = units["correct"]["text"].iloc[0]
    health = ["a grant for a new hospital wing", "medical teams and clinic equipment"]
    base_x, base_y = TOY_X + health, TOY_Y + ["health_cooperation"] * 2
    predicted = {}
    for name in ("accept", "correct"):
        u = units[name]
        xs = base_x + u["text"].tolist() * 3
        ys = base_y + [y if y != "oda_grant" else "grant" for y in u["instrument"]] * 3
        predicted[name] = TextClassifier(min_df=1, C=10.0).fit(xs, ys).predict([quote])[0]
    assert predicted == {"accept": "grant", "correct": "health_cooperation"}


def test_a_bad_decision_file_stops_training_naming_file_and_line(tmp_path: Path) -> None:
    from softpower.errors import InputError
    from softpower.extract.learned.data import decision_units

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"format": "softpower-review/1"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="bad.jsonl:1"):
        decision_units([bad])


# -- confidence: a calibrator fitted on held-out records ---------------------------------------
def test_confidence_is_the_calibrators_probability_of_the_final_record() -> None:
    from softpower.extract.learned.weights import CAL_FEATURES, Calibrator, calibration_features

    shipped = load_models()
    assert shipped is not None and shipped.calibration is not None
    assert len(shipped.calibration.coef) == len(CAL_FEATURES)
    text = "In 2008, Japan provided a 3.7 billion yen loan to Cambodia for a bridge."
    (rec,) = extract_text("t.txt", text)
    # a known calibrator: only the model logit counts, with slope 1 -> the raw probability back
    ident = Calibrator([1.0] + [0.0] * (len(CAL_FEATURES) - 1), 0.0)
    assert ident(calibration_features(rec, 0.8, True)) == pytest.approx(0.8)
    # a rule-decided record has no model logit; its kind flag carries it
    rule = calibration_features(rec, None, True)
    assert rule[0] == 0.0 and rule[CAL_FEATURES.index("rule_engagement")] == 1.0
    world = calibration_features({**rec, "partners": ["WORLD"]}, 0.8, True)
    assert world[CAL_FEATURES.index("world")] == 1.0
    # the shipped record's confidence is the shipped calibrator's value for the record as written
    import dataclasses

    raw_models = dataclasses.replace(shipped, calibration=None, keep_raw=True)
    (raw_rec,) = extract_text("t.txt", text, learned=raw_models)
    expected = shipped.calibration(calibration_features(raw_rec, raw_rec["_model_raw"], True))
    assert rec["confidence"] == round(expected, 3)
    assert "_model_raw" not in rec and "_raw" not in rec


# Filler that names no state, no money and no year: it only makes the document longer.
_FILLER = "The committee met in the afternoon and the minutes were read aloud to the members. "


@pytest.mark.parametrize(
    "statement",
    [
        "In 2014, Korea provided a grant of $3 million to Laos for rural clinics.",
        "Australia gave 2,000 tonnes of rice to Fiji in 2016 after the cyclone.",
    ],
)
def test_a_records_confidence_does_not_depend_on_its_documents_length(statement: str) -> None:
    short = [r for r in extract_text("a.txt", statement) if r["kind"] == "engagement"]
    long_text = statement + "\n\n" + _FILLER * 400  # about 33,000 characters, as a long essay
    long = [r for r in extract_text("b.txt", long_text) if r["kind"] == "engagement"]
    assert short and [r["span"] for r in short] == [r["span"] for r in long]
    assert [r["confidence"] for r in short] == [r["confidence"] for r in long]


def test_first_of_kind_marks_each_documents_first_record_of_each_kind() -> None:
    from softpower.extract.learned.weights import first_of_kind

    recs = [
        {"doc": "a", "kind": "engagement"},
        {"doc": "a", "kind": "indicator"},
        {"doc": "a", "kind": "engagement"},
        {"doc": "b", "kind": "engagement"},
        {"doc": "b", "kind": "indicator"},
        {"doc": "b", "kind": "indicator"},
    ]
    assert first_of_kind(recs) == [True, True, False, True, True, False]


def test_shipped_calibration_was_scored_out_of_fold_and_beats_the_raw_scores() -> None:
    meta = json.loads(resources.files("softpower.data").joinpath("extract_model/metrics.json").read_text())
    pools = meta["calibration"]["pools"]
    assert set(pools) == {"aiddata-dev", "real-train"}
    split = json.loads((REAL / "split.json").read_text())
    assert pools["real-train"]["documents"] <= len(split["train"])
    assert pools["real-train"]["records"] > 0 and 0.0 <= pools["real-train"]["ece_out_of_fold"] <= 1.0
    dev = pools["aiddata-dev"]
    assert dev["ece_out_of_fold"] < dev["ece_raw"] and dev["ece_out_of_fold"] < 0.1


def test_strict_matching_pairs_each_record_once() -> None:
    from softpower.extract.learned.train import matched

    g = {"doc": "d", "kind": "engagement", "actor": "JPN", "partners": ["KHM"], "instrument": "oda_loan",
         "year": 2008, "amount": None, "currency": None, "value": None, "measure": None, "span": [0, 40]}  # fmt: skip
    same = dict(g, span=[5, 30])
    wrong = dict(g, instrument="oda_grant")
    assert matched([g], [same, dict(same), wrong]) == [True, False, False]
    assert matched([], [same]) == [False]


def test_noisy_descriptions_are_read_out_of_fold_and_only_contradicted_labels_dropped() -> None:
    import pandas as pd

    from softpower.extract.learned.train import noisy_descriptions

    places = ["Accra", "Lusaka", "Harare", "Nairobi", "Dakar", "Lome", "Bamako", "Niamey", "Maputo", "Luanda"]
    roads = ["highway", "railway", "bridge", "port", "airport"]
    rows = []
    for i, place in enumerate(places):
        rows.append(
            (
                f"gcof:{i}",
                f"{place} {roads[i % 5]}",
                f"China Exim Bank extended a concessional loan "
                f"repayable over 20 years for the {roads[i % 5]} near {place}.",
                "oda_loan",
            )
        )
        rows.append(
            (
                f"gcof:{100 + i}",
                f"{place} school",
                f"China donated grant aid, free of charge, to build a primary school in {place}.",
                "oda_grant",
            )
        )
    # coded as a loan, but the text states a gift: the label the text contradicts
    rows.append(
        (
            "gcof:999",
            "Kumasi clinic",
            "China donated grant aid, free of charge, to build a clinic in Kumasi.",
            "oda_loan",
        )
    )
    train = pd.DataFrame(rows, columns=["id", "title", "text", "instrument"]).assign(source="aiddata-gcof")
    units = pd.concat(
        [
            train[["id", "text", "instrument"]],
            train.assign(id=train["id"] + "#title", text=train["title"])[["id", "text", "instrument"]],
        ],
        ignore_index=True,
    )
    cfg = {
        "seed": 3,
        "data": {"family_similarity": 1.01, "prune_folds": 3},
        "instrument": {"word_ngrams": 1, "char_ngrams": [], "min_df": 1, "max_features": 1000, "C": 4.0,
                       "class_weight": "balanced"},
    }  # fmt: skip
    # (a model of 20 toy descriptions is unsure of every reading: the cut is higher than the shipped 0.1)
    assert noisy_descriptions(cfg, train, units, 0.3) == {"gcof:999"}
    assert noisy_descriptions(cfg, train, units, 0.5) == {"gcof:999"}
    assert noisy_descriptions(cfg, train, units, 0.0) == set()


def test_family_folds_keep_each_project_family_in_one_fold_and_use_every_fold() -> None:
    import pandas as pd

    topics = ["bridge", "hospital", "scholarship", "stadium", "power plant", "school", "port", "railway"]
    rows = [
        (f"p{t}{i}", f"{topic.title()} project", f"China funds the {topic} in province number {i}.")
        for t, topic in enumerate(topics)
        for i in range(3)
    ]
    docs = pd.DataFrame(rows, columns=["id", "title", "text"])
    fold = family_folds(docs, 0.5, 7, 4)
    fam = families(docs["id"].tolist(), docs["title"].tolist(), docs["text"].tolist(), 0.5)
    assert len(set(fam)) > 4
    for f in set(fam):
        assert len({int(fold[i]) for i, g in enumerate(fam) if g == f}) == 1
    assert set(fold.tolist()) == {0, 1, 2, 3}
    assert family_folds(docs, 0.5, 7, 4).tolist() == fold.tolist()


def test_a_model_that_has_predicted_pickles_and_predicts_the_same() -> None:
    # eval_aiddata.py --fits pickles fitted models; round 12's token-pair lookup put closures in the
    # prediction cache, and pickling a model that had predicted failed
    import pickle

    models = load_models()
    assert models is not None
    texts = ["Japan provided a grant of US$5 million to Laos in 2019.", "It rained in Vientiane."]
    before = models.instrument.predict_proba(texts)  # fills the prediction cache
    copy = pickle.loads(pickle.dumps(models.instrument))
    assert np.array_equal(copy.predict_proba(texts), before)


class _OneClass:
    """An instrument model that reads every text as ``label`` with probability ``p`` (the rest
    spread over the other development-finance classes)."""

    def __init__(self, label: str, p: float) -> None:
        self.classes_ = np.asarray(sorted(FINANCE | {label}))
        self.label, self.p = label, p

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        row = np.full(len(self.classes_), (1 - self.p) / (len(self.classes_) - 1))
        row[list(self.classes_).index(self.label)] = self.p
        return np.tile(row, (len(texts), 1))


class _EveryAct:
    """An act model that reads every sentence as an act."""

    classes_ = np.asarray(["0", "1"])

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        return np.tile([0.0, 1.0], (len(texts), 1))


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Korean negotiators spent 2017 on the free trade agreement with Samoa.", "trade_agreement"),
        ("Korean negotiators spent 2018 on the security pact with Tonga.", "security_agreement"),
    ],
)
def test_a_proposed_act_starts_from_the_instrument_its_own_cue_gives(text: str, cue: str) -> None:
    # the rules leave the sentence without an act; the act model proposes it, and an instrument model
    # that reads every text as a diplomatic framework (outside development finance, so the finance_like
    # policy never lets it replace a rule class) decides a proposal without a cue alone
    assert not [r for r in extract_text("t.txt", text, 2020, learned=False) if r["kind"] == "engagement"]
    models = Models(_OneClass("diplomatic_framework", 0.9), _EveryAct(), 0.5, "finance_like", 0.4)  # type: ignore[arg-type]

    import dataclasses

    def instruments(propose_cue: bool) -> list[str | None]:
        m = dataclasses.replace(models, propose_cue=propose_cue)
        return [
            r["instrument"] for r in extract_text("t.txt", text, 2020, learned=m) if r["kind"] == "engagement"
        ]

    assert instruments(False) == ["diplomatic_framework"]  # the model alone
    assert instruments(True) == [cue]  # the sentence's own cue


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "In 2013, China handed over anti-malaria medicine worth 2 million yuan to Togo.",
            "health_cooperation",
        ),
        ("In 2004, China gave Benin a 30 million yuan interest-free loan.", "oda_loan"),
    ],
)
def test_the_residual_grant_does_not_replace_a_class_its_cue_decides(text: str, rule: str) -> None:
    # AidData's coding: a loan is a loan in any sector, and the health sector outranks a grant; so the model's residual class (oda_grant) does not replace a rule class read on such a cue,
    # neither on the record's own context nor on a short document's whole reading (x18a)
    import dataclasses

    from softpower.extract.learned.weights import DECIDING, RESIDUAL

    shipped = load_models()
    assert shipped is not None and rule in DECIDING and RESIDUAL == "oda_grant"
    assert [
        r["instrument"] for r in extract_text("t.txt", text, learned=False) if r["kind"] == "engagement"
    ] == [rule]

    def instruments(model: str, keep: bool, override: str) -> list[str | None]:
        m = Models(_OneClass(model, 0.9), shipped.act, shipped.act_threshold, "finance_like", 0.4)  # type: ignore[arg-type]
        m = dataclasses.replace(m, keep_deciding=keep, document_chars=5000, document_override=override)
        return [r["instrument"] for r in extract_text("t.txt", text, learned=m) if r["kind"] == "engagement"]

    for override in ("none", "weaker"):
        assert instruments("oda_grant", True, override) == [rule]
        assert instruments("oda_grant", False, override) == ["oda_grant"]  # as before x18a
        # another class of the model still replaces it (a hospital cue in a loan's description)
        other = "oda_loan" if rule != "oda_loan" else "technical_cooperation"
        assert instruments(other, True, override) == [other]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "In 2010, China provided technical assistance worth 5 million yuan to Mali.",
            "technical_cooperation",
        ),
        (
            "In 2016, China donated emergency relief supplies for flood victims to Malawi.",
            "disaster_cooperation",
        ),
    ],
)
def test_the_residual_grant_still_replaces_a_training_or_relief_cue(text: str, rule: str) -> None:
    # technical cooperation follows AidData's flow type, which the words "training" or "experts" do not
    # decide (a training grant in the health sector is health cooperation), and a relief cue is often
    # the purpose of money that the seed gold codes as a grant ("to assist reconstruction in cyclone
    # ... areas"): the model may read them as grants as before
    import dataclasses

    from softpower.extract.learned.weights import DECIDING

    shipped = load_models()
    assert shipped is not None and rule not in DECIDING
    assert [
        r["instrument"] for r in extract_text("t.txt", text, learned=False) if r["kind"] == "engagement"
    ] == [rule]
    m = Models(_OneClass("oda_grant", 0.9), shipped.act, shipped.act_threshold, "finance_like", 0.4)  # type: ignore[arg-type]
    assert not shipped.keep_deciding and not m.keep_deciding  # off as shipped (x18a)
    m = dataclasses.replace(m, keep_deciding=True)
    assert [r["instrument"] for r in extract_text("t.txt", text, learned=m) if r["kind"] == "engagement"] == [
        "oda_grant"
    ]


_TRAINERS = {
    "train": ("config.toml", "instrument.json.gz"),
    "recall": ("recall.toml", "recall.json.gz"),
    "fields_train": ("fields.toml", "fields.json.gz"),
    "tagger_train": ("tagger.toml", "tagger.json.gz"),
}


def _trainer_main(name: str):  # type: ignore[no-untyped-def]
    import importlib

    return importlib.import_module(f"softpower.extract.learned.{name}").main


@pytest.mark.parametrize("name", sorted(_TRAINERS))
def test_a_trainer_given_a_missing_config_says_so_in_one_line(name: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "absent.toml"
    assert _trainer_main(name)(["--config", str(missing), "--check"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{missing}: no such file" in err and "Traceback" not in err


@pytest.mark.parametrize("name", sorted(_TRAINERS))
def test_a_trainer_given_malformed_toml_names_its_line(name: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.toml"
    bad.write_text("[model]\nC = 1.0\nthreshold = = 0.5\n", encoding="utf-8")
    assert _trainer_main(name)(["--config", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{bad}:3: invalid TOML" in err


@pytest.mark.parametrize("name", sorted(_TRAINERS))
def test_a_trainers_check_without_the_shipped_weights_says_so_before_fitting(
    name: str, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    config, weights = _TRAINERS[name]
    shipped = resources.files("softpower") / "data" / "extract_model" / config
    (tmp_path / config).write_text(shipped.read_text(encoding="utf-8"), encoding="utf-8")
    assert _trainer_main(name)(["--config", str(tmp_path / config), "--check"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{tmp_path / weights}: no such file" in err
