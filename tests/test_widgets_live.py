"""Live trainers stop cleanly: closing one (from code, by closing its widget, by running
its cell again, or by a kernel shutdown) cancels its pending slice and sends no further
picture; slices always run on the loop captured at ``show()``, even when a control move
arrives on another thread (JupyterLab's kernel subshells)."""

import asyncio
import threading
from types import SimpleNamespace

import pytest
import traitlets

from nnlessons.widgets import view
from nnlessons.lessons.backpropagation.explorers import SpiralTrainer
from nnlessons.widgets.live import LiveTrainer
from nnlessons.lessons.neuron.explorers import NeuronExplorer

pytest.importorskip("ipywidgets")


async def until(condition, timeout=60.0):
    """Wait (not a timing assertion) until ``condition()`` holds; fail after ``timeout``."""
    for _ in range(int(timeout / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)
    pytest.fail("condition not reached")


def count_pictures(trainer):
    pictures = []
    trainer._view.image.observe(lambda change: pictures.append(change["new"]), names="value")
    return pictures


def test_a_shown_trainer_trains_in_slices_and_marks_its_view():
    async def scenario():
        trainer = SpiralTrainer()
        box = trainer.show()
        trainer.update(epochs=400)                      # 100 more epochs: 10 slices
        assert trainer.training and "nnl-training" in box._dom_classes
        await until(lambda: not trainer.training)
        return trainer, box

    trainer, box = asyncio.run(scenario())
    assert trainer.result["epoch"] == 400
    assert "nnl-training" not in box._dom_classes


@pytest.mark.parametrize("how", ["close", "box.close"])
def test_closing_a_running_trainer_stops_its_pictures(how):
    async def scenario():
        trainer = SpiralTrainer()
        box = trainer.show()
        pictures = count_pictures(trainer)
        trainer.update(epochs=1000)
        await until(lambda: len(pictures) >= 3)           # it is training on screen
        trainer.close() if how == "close" else box.close()
        after_close = len(pictures)
        epoch = trainer.result["epoch"]
        await asyncio.sleep(0.5)                           # 25 slice periods
        return trainer, pictures, after_close, epoch

    trainer, pictures, after_close, epoch = asyncio.run(scenario())
    assert len(pictures) == after_close, "a picture was sent after close()"
    assert trainer._view is None and trainer._next_slice is None and not trainer.training
    assert trainer.result["epoch"] == epoch < 1000
    assert trainer.update(epochs=epoch + 25)["epoch"] == epoch + 25     # still usable from code


def test_a_control_move_on_another_thread_trains_on_the_main_loop():
    """A subshell thread runs its own loop; the slices it starts run on the main one."""
    async def scenario():
        trainer = SpiralTrainer()
        trainer.show()
        slice_threads = []
        original = trainer._continue

        def continue_and_record():
            slice_threads.append(threading.get_ident())
            original()

        trainer._continue = continue_and_record

        async def subshell_move():
            trainer.update(epochs=400)

        thread = threading.Thread(target=lambda: asyncio.run(subshell_move()))
        thread.start()
        while thread.is_alive():
            await asyncio.sleep(0.01)
        await until(lambda: not trainer.training)      # the subshell loop is gone by now
        return trainer, slice_threads

    trainer, slice_threads = asyncio.run(scenario())
    assert trainer.result["epoch"] == 400
    assert slice_threads and set(slice_threads) == {threading.get_ident()}


def test_a_trainer_shown_outside_a_loop_trains_to_the_end():
    trainer = SpiralTrainer()
    trainer.show()
    assert trainer.update(epochs=350)["epoch"] == 350 and not trainer.training


class FakeShell(traitlets.HasTraits):
    """What ``ShownViews`` uses of IPython's shell and ipykernel's kernel."""
    exit_now = traitlets.Bool(False)

    def __init__(self):
        super().__init__()
        self.cell = None
        self.pre_run_cell = []
        self.events = SimpleNamespace(register=lambda name, callback: self.pre_run_cell.append(callback))
        self.kernel = SimpleNamespace(get_parent=lambda: {"metadata": {"cellId": self.cell}})

    def run_cell(self, cell):
        for callback in self.pre_run_cell:
            callback(SimpleNamespace(cell_id=cell))
        self.cell = cell


@pytest.fixture
def shell(monkeypatch):
    fake = FakeShell()
    monkeypatch.setattr(view, "_ipython", lambda: fake)
    monkeypatch.setattr(view, "SHOWN", view.ShownViews())
    return fake


def test_running_a_cell_again_closes_the_views_it_showed(shell):
    shell.run_cell("a")
    first = NeuronExplorer()
    first.show()
    shell.run_cell("b")
    other = NeuronExplorer()
    other.show()
    shell.run_cell("a")                   # cell a again: its old view goes
    assert first._view is None and other._view is not None
    again = NeuronExplorer()
    again.show()
    assert again._view is not None


def test_a_kernel_shutdown_closes_every_view_and_stops_training(shell):
    async def scenario():
        shell.run_cell("a")
        trainer = SpiralTrainer()
        trainer.show()
        pictures = count_pictures(trainer)
        trainer.update(epochs=1000)
        shell.run_cell("b")
        explorer = NeuronExplorer()
        explorer.show()
        await until(lambda: len(pictures) >= 2)
        shell.exit_now = True                      # what ipykernel does on shutdown_request
        after = len(pictures)
        await asyncio.sleep(0.3)
        return trainer, explorer, pictures, after

    trainer, explorer, pictures, after = asyncio.run(scenario())
    assert len(pictures) == after
    assert trainer._view is None and explorer._view is None and not trainer.training


def test_every_live_explorer_is_a_live_trainer():
    from nnlessons.widgets import explorer_classes

    live = {cls.__name__ for cls in explorer_classes() if issubclass(cls, LiveTrainer)}
    assert {"SpiralTrainer", "Playground", "RegularisationExplorer"} <= live


KERNEL_CELL = """
from IPython.display import display
from nnlessons.lessons.backpropagation.explorers import SpiralTrainer
trainer = SpiralTrainer()
display(trainer.show())
"""


def test_a_kernel_shut_down_while_training_exits_cleanly(tmp_path):
    """The flake this module exists for, reproduced with a real kernel: a slider move
    arrives on a subshell (as from JupyterLab 4.6) and starts a long training, and the
    kernel is shut down mid-training. Before the fix, pictures sent after pyzmq's exit
    hook logged "zmq gc socket requested during shutdown" in 4 runs of 6."""
    import time

    from jupyter_client.manager import KernelManager

    log = tmp_path / "kernel.log"
    manager = KernelManager(kernel_name="python3")
    with open(log, "w") as stream:
        manager.start_kernel(stdout=stream, stderr=stream)
        client = manager.client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=60)
            client.control_channel.send(client.session.msg("create_subshell_request", {}))
            subshell = client.control_channel.get_msg(timeout=30)["content"]["subshell_id"]
            reply = client.execute_interactive(
                KERNEL_CELL, user_expressions={"slider": "trainer._view.inputs['epochs'].model_id"},
                timeout=120, output_hook=lambda message: None)
            assert reply["content"]["status"] == "ok"
            slider = reply["content"]["user_expressions"]["slider"]["data"]["text/plain"].strip("'")
            move = client.session.msg("comm_msg", {"comm_id": slider, "data": {
                "method": "update", "state": {"value": 1000}, "buffer_paths": []}})
            move["header"]["subshell_id"] = subshell
            client.shell_channel.send(move)
            time.sleep(0.5)                  # let it train a few slices (any delay will do)
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=False)
    text = log.read_text()
    assert "Traceback" not in text and "zmq gc" not in text, text[-2000:]
