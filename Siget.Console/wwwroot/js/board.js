// The supervisor board's drag and drop and "Mover" buttons, delegated from the board's root: about 1,700 cards share
// these few listeners instead of each card carrying its own handlers in the circuit. Blazor owns the DOM; this only
// toggles hover classes and tells the page what was dropped where (or which card's "Mover" was pressed).
export function attach(root, page) {
  let dragged = null;
  let over = null;
  const cardOf = e => e.target instanceof Element ? e.target.closest('.board-card[data-id]') : null;
  const columnOf = e => e.target instanceof Element ? e.target.closest('.board-column[data-lane]') : null;
  const hover = column => {
    if (over === column) return;
    over?.classList.remove('board-column-over');
    over = column;
    over?.classList.add('board-column-over');
  };
  const end = () => {
    dragged?.classList.remove('board-card-dragging');
    dragged = null;
    hover(null);
  };

  const listeners = {
    dragstart: e => {
      const card = cardOf(e);
      if (!card || root.dataset.busy === 'true') { e.preventDefault(); return; }
      dragged = card;
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('text/plain', card.dataset.ticket);
      card.classList.add('board-card-dragging');
    },
    dragover: e => {
      const column = dragged ? columnOf(e) : null;
      if (!column) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      hover(column);
    },
    dragleave: e => {
      if (over && !over.contains(e.relatedTarget)) hover(null);
    },
    drop: e => {
      const column = columnOf(e);
      const card = dragged;
      end();
      if (!column || !card) return;
      e.preventDefault();
      if (card.closest('.board-column') === column) return;
      page.invokeMethodAsync('CardDroppedAsync', Number(card.dataset.id), column.dataset.lane);
    },
    dragend: end,
    click: e => {
      const button = e.target instanceof Element ? e.target.closest('button[data-move]') : null;
      if (!button) return;
      page.invokeMethodAsync('MoveRequestedAsync', Number(button.dataset.move));
    },
  };
  for (const [name, listener] of Object.entries(listeners)) root.addEventListener(name, listener);
  // Moves work from here on (the page attaches this after its first interactive render): browser tests wait for it.
  root.dataset.movesReady = 'true';
  return {
    detach: () => {
      for (const [name, listener] of Object.entries(listeners)) root.removeEventListener(name, listener);
      delete root.dataset.movesReady;
    },
  };
}
