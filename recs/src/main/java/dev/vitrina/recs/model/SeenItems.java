package dev.vitrina.recs.model;

/** Whether items a user interacted with in training may be recommended to that user again. */
public enum SeenItems {
  /** Never recommend an item the user interacted with in training (the usual top-N protocol). */
  EXCLUDE,
  /** Seen items compete like any other (re-purchase, re-watch). */
  INCLUDE
}
