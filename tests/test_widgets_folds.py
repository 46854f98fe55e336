"""Lesson 11's fold explorer: its data, the per-fold scores, the picture and the caption."""

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.data import k_fold
from nnlessons.plots.style import class_colors
from nnlessons.widgets.yours import make_network
from nnlessons.lessons.cross_validation import explorers
from nnlessons.lessons.cross_validation.explorers import RARE, FoldExplorer, fold_data, fold_scores


@pytest.fixture(scope="module")
def folds():
    return FoldExplorer()


def test_fold_data_has_a_rare_inner_ring():
    X, y = fold_data()
    assert X.shape == (60, 2) and X.dtype == np.float64 and y.shape == (60,)
    assert np.bincount(y).tolist() == [RARE, 48]
    radius = np.hypot(*X.T)
    assert radius[y == 0].mean() < 0.7 < radius[y == 1].mean()        # rings of radius 0.5 and 1


def test_fold_scores_are_the_trainings_one_would_write_by_hand():
    X, y = fold_data()
    fold, scores = fold_scores(X, y, k=3, stratified=True, seed=4, epochs=40)
    for i, (train_index, val_index) in enumerate(k_fold(y, k=3, stratified=True, seed=4)):
        assert (fold[val_index] == i).all()
        model = make_network(8, "relu", classes=2, learning_rate=0.03)
        model.fit(X[train_index], y[train_index], epochs=40, progress=False)
        assert scores[i] == model.evaluate(X[val_index], y[val_index]).accuracy


def test_the_explorer_scores_are_fold_scores_at_its_epochs(folds):
    X, y = fold_data()
    result = folds.update(k=4, stratified=False, seed=5)
    fold, scores = fold_scores(X, y, 4, False, 5, epochs=FoldExplorer.epochs)
    assert result["fold"] == fold.tolist() and result["scores"] == scores


def test_the_result_counts_each_folds_samples(folds):
    _, y = fold_data()
    for k, stratified in [(5, False), (5, True), (8, True), (2, False)]:
        result = folds.update(k=k, stratified=stratified, seed=0)
        expected = [val_index for _, val_index in k_fold(y, k=k, stratified=stratified, seed=0)]
        assert result["sizes"] == [len(val) for val in expected]
        assert result["rare_per_fold"] == [int((y[val] == 0).sum()) for val in expected]
        assert len(result["scores"]) == k and all(0 <= score <= 1 for score in result["scores"])
        assert result["mean"] == pytest.approx(np.mean(result["scores"]))
        assert result["std"] == pytest.approx(np.std(result["scores"]))


def test_stratified_folds_share_the_rare_class_and_plain_ones_may_not(folds):
    stratified = folds.update(k=5, stratified=True, seed=0)["rare_per_fold"]
    assert set(stratified) <= {RARE // 5, RARE // 5 + 1} and sum(stratified) == RARE
    plain = [folds.update(k=5, stratified=False, seed=seed)["rare_per_fold"] for seed in range(10)]
    assert any(max(counts) - min(counts) >= 2 for counts in plain)


def test_the_picture_shows_the_folds_and_their_scores(folds, is_png):
    result = folds.update(k=4, stratified=True, seed=2)
    colors = class_colors(4)[np.asarray(result["fold"])]
    _, y = fold_data()
    np.testing.assert_allclose(folds.common_points.get_facecolors()[:, :3], colors[y == 1])
    np.testing.assert_allclose(folds.rare_points.get_facecolors()[:, :3], colors[y == 0])
    shown = [bar for bar in folds.bars if bar.get_visible()]
    assert [bar.get_height() for bar in shown] == result["scores"]
    assert folds.mean_line.get_ydata()[0] == pytest.approx(result["mean"])
    assert folds.spread.get_y() == pytest.approx(result["mean"] - result["std"])
    assert folds.spread.get_height() == pytest.approx(2 * result["std"])
    assert folds.ax_scores.get_xlim() == (-0.6, 3.6)
    assert is_png(folds.png())


def test_each_setting_trains_once(folds, monkeypatch):
    folds.update(k=3, stratified=False, seed=7)
    calls = []
    monkeypatch.setattr(explorers, "fold_scores", lambda *args, **kwargs: calls.append(args))
    folds.update(k=5, stratified=True, seed=0)
    again = folds.update(k=3, stratified=False, seed=7)
    assert calls == [] and len(again["scores"]) == 3


def test_caption_and_titles_say_what_the_picture_shows(language):
    folds = FoldExplorer(k=5, stratified=True, seed=0)
    result = folds.result
    caption = folds.caption(result)
    assert ("5 partes, estratificada" if language == "pt" else "5 folds, stratified") in caption
    assert str(result["rare_per_fold"]) in caption
    assert f"{result['mean']:.0%} ± {result['std']:.0%}" in caption
    assert folds.ax_scores.get_title() == i18n.tr("cross_validation.scores_title")


@pytest.mark.parametrize("params, match", [
    ({"k": 9}, r"FoldExplorer: k must be a number from 2 to 8, got 9"),
    ({"k": 1}, r"FoldExplorer: k must be a number from 2 to 8, got 1"),
    ({"stratified": "yes"}, r"FoldExplorer: stratified must be True or False, got 'yes'"),
])
def test_bad_settings_are_explained(folds, params, match):
    i18n.set_language("en")
    with pytest.raises(ValueError, match=match):
        folds.update(**params)
