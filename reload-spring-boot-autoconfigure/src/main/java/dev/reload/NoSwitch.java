package dev.reload;

/**
 * The part of a participant whose beans a switch does not touch.
 *
 * @author reload-spring-boot
 * @see BeanSwapParticipant.Switch#none()
 */
enum NoSwitch implements BeanSwapParticipant.Switch {

	INSTANCE;

	@Override
	public void apply() {
	}

	@Override
	public void undo() {
	}

}
