/**
 * The FIFO queue of one agent group: a ring buffer of (slot, ticket) pairs in typed arrays.
 *
 * Abandoning attempts are not searched for and removed; they are left in place and skipped when they reach the head
 * ("lazy deletion"). An entry is live while the attempt slot still holds the entry's ticket
 * (`slotTickets[slot] === ticket`); the engine clears a slot's ticket when its attempt is answered or abandons, and a
 * reused slot gets a fresh ticket, so a stale entry can never be mistaken for a new attempt. When the ring is full,
 * stale entries are squeezed out before it grows, so memory follows the number of waiting attempts.
 */
export class AttemptQueue {
  private slots: Int32Array;
  private tickets: Float64Array;
  private head = 0;
  private length = 0;
  /** Number of live (still waiting) attempts; the engine decrements it when one abandons. */
  live = 0;

  constructor(initialCapacity = 256) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.tickets = new Float64Array(capacity);
  }

  /** Appends an attempt. */
  push(slot: number, ticket: number, slotTickets: Float64Array): void {
    if (this.length === this.slots.length) this.makeRoom(slotTickets);
    const at = (this.head + this.length) & (this.slots.length - 1);
    this.slots[at] = slot;
    this.tickets[at] = ticket;
    this.length++;
    this.live++;
  }

  /** Removes and returns the slot of the longest-waiting live attempt, or −1 when none is waiting. */
  popLive(slotTickets: Float64Array): number {
    const mask = this.slots.length - 1;
    while (this.length > 0) {
      const slot = this.slots[this.head] as number;
      const ticket = this.tickets[this.head] as number;
      this.head = (this.head + 1) & mask;
      this.length--;
      if (slotTickets[slot] === ticket) {
        this.live--;
        return slot;
      }
    }
    return -1;
  }

  /** Removes every live attempt in FIFO order, handing each slot to `visit`. */
  drainLive(slotTickets: Float64Array, visit: (slot: number) => void): void {
    for (let slot = this.popLive(slotTickets); slot >= 0; slot = this.popLive(slotTickets)) visit(slot);
  }

  private makeRoom(slotTickets: Float64Array): void {
    const capacity = this.slots.length;
    const mask = capacity - 1;
    // Squeeze out stale entries; grow only if the ring would still be more than half full.
    const target = this.live * 2 >= capacity ? capacity * 2 : capacity;
    const slots = new Int32Array(target);
    const tickets = new Float64Array(target);
    let n = 0;
    for (let i = 0; i < this.length; i++) {
      const at = (this.head + i) & mask;
      const slot = this.slots[at] as number;
      const ticket = this.tickets[at] as number;
      if (slotTickets[slot] === ticket) {
        slots[n] = slot;
        tickets[n] = ticket;
        n++;
      }
    }
    this.slots = slots;
    this.tickets = tickets;
    this.head = 0;
    this.length = n;
  }
}
